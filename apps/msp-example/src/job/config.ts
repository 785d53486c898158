/** The clean-up job's configuration: only what its parts read. */
import { expiryConfig, storageConfig } from '../internal/items/config.js';

export const config = { ...storageConfig, ...expiryConfig };
