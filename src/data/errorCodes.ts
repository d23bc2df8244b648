/**
 * The LTS API error-code table (Log Tank Service API reference, appendix "Error Code", page lts_02_0021), copied
 * verbatim in the documentation's order: the `error_code` values LTS returns in a JSON body next to the HTTP status.
 * test/unit/errorCodes.test.ts compares it with the documentation's TSV export.
 */
export interface LtsErrorRow {
  /** The HTTP status code the error comes with ("response_code"). */
  readonly responseCode: number;
  /** `LTS.0205` */
  readonly errorCode: string;
  readonly description: string;
  /** The `error_msg` LTS returns. */
  readonly errorMessage: string;
  readonly handlingMeasure: string;
}

export const LTS_ERROR_ROWS: readonly LtsErrorRow[] = Object.freeze(([
  { responseCode: 400, errorCode: 'LTS.0101', description: 'Failed to create the log group because a log group with the same name already exists.', errorMessage: 'Failed to create log group, the group name has been existed', handlingMeasure: 'Check the log group name.' },
  { responseCode: 400, errorCode: 'LTS.0104', description: 'Failed to create the log group because the maximum number of log groups has been reached.', errorMessage: 'Failed to create log group, the number of log groups exceeds the quota', handlingMeasure: 'Check whether the number of log groups reaches the quota (100 by default).' },
  { responseCode: 400, errorCode: 'LTS.0105', description: 'Failed to delete the log group because the log group has associated log transfer tasks.', errorMessage: 'Log group is associated by transfer', handlingMeasure: 'Check whether the associated log transfer tasks have been deleted.' },
  { responseCode: 404, errorCode: 'LTS.0201', description: 'Failed to create a log stream because the associated log group does not exist.', errorMessage: 'The group is not existed', handlingMeasure: 'Check the ID of the log group.' },
  { responseCode: 400, errorCode: 'LTS.0205', description: 'Failed to create a log stream because the log stream name already exists.', errorMessage: 'The topic name has been existed', handlingMeasure: 'Check whether the log stream with the same name already exists.' },
  { responseCode: 400, errorCode: 'LTS.0206', description: 'Failed to create a log stream because the maximum number of log streams has been reached.', errorMessage: 'Failed to create log topic, the number of log topics exceeds the quota', handlingMeasure: 'Check whether the number of log streams reaches the quota (100 by default).' },
  { responseCode: 400, errorCode: 'LTS.0207', description: 'Failed to delete the log stream because the log stream has associated a log transfer task.', errorMessage: 'Log topic is associated by transfer', handlingMeasure: 'Check whether the associated log transfer task has been deleted.' },
  { responseCode: 500, errorCode: 'LTS.0010', description: 'System internal error.', errorMessage: 'The system encountered an internal error', handlingMeasure: 'Contact the administrator.' },
  { responseCode: 500, errorCode: 'LTS.0102', description: 'Failed to create the log group.', errorMessage: 'Failed to create log group.', handlingMeasure: 'Check whether the project ID is correct and whether the log group name meets the requirements.' },
  { responseCode: 500, errorCode: 'LTS.0103', description: 'Failed to delete the log group.', errorMessage: 'Failed to delete log group', handlingMeasure: 'Check whether the database is normal or whether the network connection is normal.' },
  { responseCode: 500, errorCode: 'LTS.0202', description: 'Failed to create a log stream.', errorMessage: 'Failed to create log topic', handlingMeasure: 'Check whether the project and group IDs are correct and whether the log stream name meets the requirements.' },
  { responseCode: 500, errorCode: 'LTS.0203', description: 'Failed to delete the log stream.', errorMessage: 'Failed to delete log topic', handlingMeasure: 'Check whether the database is normal or whether the network connection is normal.' },
  { responseCode: 400, errorCode: 'LTS.0001', description: 'The API version /projectId is invalid or does not exist.', errorMessage: 'API version/project id invalid or missing', handlingMeasure: 'Check whether the version and projectID information is correct.' },
  { responseCode: 401, errorCode: 'LTS.0002', description: 'Unauthorized user token.', errorMessage: 'Current user is not authenticated correctly, check your token', handlingMeasure: 'Check the token information of the current user.' },
  { responseCode: 400, errorCode: 'LTS.0011', description: 'Invalid resource ID.', errorMessage: 'The resource id is invalid or missing', handlingMeasure: 'Check whether the resource ID in the request is correct.' },
] as LtsErrorRow[]).map((row) => Object.freeze(row)));

export const LTS_ERROR_SOURCE = Object.freeze({
  title: 'Log Tank Service API Reference — Error Code',
  url: 'https://docs.otc.t-systems.com/log-tank-service/api-ref/appendix/error_codes.html',
});
