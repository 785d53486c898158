/** Every semantic rule, in the order their issues are reported. */
import type { Rule } from './rule.js';
import {
  serviceFieldInJob,
  jobFieldInService,
  jobRolloutDeploy,
  jobScaling,
  jobAlerts,
} from './kind-fields.js';
import {
  notionPageRequired,
  notionPageIDInvalid,
  iamRoleInvalid,
  descriptionTODO,
} from './service-rules.js';
import { duplicateItem } from './duplicate-rules.js';
import {
  duplicateEnvironment,
  projectIDFormat,
  locationNotAllowed,
  duplicateDomain,
  domainSettings,
} from './environment-rules.js';
import {
  projectDisplayNameTooLong,
  cloudRunNameTooLong,
  serviceAccountIDInvalid,
  networkNameInvalid,
  loadBalancerNameTooLong,
  cloudDeployNameInvalid,
  terraformCloudNameInvalid,
} from './name-rules.js';
import { deploySettings } from './deploy-rules.js';
import {
  instanceResources,
  cloudRunGeneration,
  scalingRange,
  healthProbes,
} from './instances-rules.js';
import { cronInvalid, cronInterval, jobDeadline } from './job-rules.js';
import { secretReference, secretMountPath } from './secret-rules.js';
import {
  envNameConflict,
  envContractValue,
  envTemplate,
  envTemplateNoDomain,
} from './env-rules.js';
import { postgreSQLResources, publicationDuplicate } from './resource-rules.js';
import { platformDefault } from './platform-default-rules.js';
import { responseCodeRatio, duplicateAlert } from './monitoring-rules.js';
import {
  rolloutEmpty,
  rolloutUnknownEnvironment,
  rolloutDuplicateStage,
  rolloutDeployType,
} from './rollout-rules.js';

export const RULES: readonly Rule[] = [
  serviceFieldInJob,
  jobFieldInService,
  jobRolloutDeploy,
  jobScaling,
  jobAlerts,
  notionPageRequired,
  notionPageIDInvalid,
  iamRoleInvalid,
  descriptionTODO,
  duplicateItem,
  duplicateEnvironment,
  projectDisplayNameTooLong,
  projectIDFormat,
  cloudRunNameTooLong,
  serviceAccountIDInvalid,
  networkNameInvalid,
  loadBalancerNameTooLong,
  cloudDeployNameInvalid,
  terraformCloudNameInvalid,
  locationNotAllowed,
  duplicateDomain,
  domainSettings,
  deploySettings,
  instanceResources,
  cloudRunGeneration,
  scalingRange,
  healthProbes,
  cronInvalid,
  cronInterval,
  jobDeadline,
  secretReference,
  secretMountPath,
  envNameConflict,
  envContractValue,
  envTemplate,
  envTemplateNoDomain,
  postgreSQLResources,
  publicationDuplicate,
  platformDefault,
  responseCodeRatio,
  duplicateAlert,
  rolloutEmpty,
  rolloutUnknownEnvironment,
  rolloutDuplicateStage,
  rolloutDeployType,
];
