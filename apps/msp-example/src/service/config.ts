/**
 * The service's configuration: the configs of the parts in `internal/`,
 * embedded. Each part defines only what it reads and never imports this file.
 */
import { authConfig } from '../internal/auth/config.js';
import { cacheConfig } from '../internal/cache/config.js';
import { greetingConfig } from '../internal/greeting/config.js';
import { expiryRoutineConfig, storageConfig } from '../internal/items/config.js';

export const config = {
  ...greetingConfig,
  ...authConfig,
  ...storageConfig,
  ...expiryRoutineConfig,
  ...cacheConfig,
};
