/**
 * livy-emulator: Apache Livy 0.9's REST API without a Spark cluster.
 *
 * @example
 * import { createLivyEmulator } from 'livy-emulator'
 * const livy = createLivyEmulator()
 * const res = await livy.fetch('/sessions', { method: 'POST', body: '{}' })
 */
export {
  type ControlOptions,
  createEmulatorCore,
  type EmulatorCore,
  type LivyEmulatorOptions,
  type ModelFaultControls,
  type RecordFromOptions,
} from './emulator/create-emulator-core.ts'
export { createLivyEmulator, type LivyEmulator } from './emulator/create-livy-emulator.ts'
export type { Edge, EdgeFilter } from './emulator/http/edge.ts'
export type { Route } from './emulator/http/routes.ts'
export { ROUTES } from './emulator/http/routes.ts'
export { type EdgeRequest, type EdgeResponse, edgeRequest } from './emulator/http/types.ts'
export type { Caller } from './emulator/model/access.ts'
export {
  type Clock,
  createManualClock,
  createSystemClock,
  DEFAULT_MANUAL_EPOCH,
  type ManualClock,
} from './emulator/model/clock.ts'
export type { ModelEvent } from './emulator/model/context.ts'
export type { JavaValue, JobValue } from './emulator/model/jobs/job-value.ts'
export type { LivyModel } from './emulator/model/livy-model.ts'
export { jobMachine } from './emulator/model/machines/job-machine.ts'
export {
  type StateMachine,
  type TransitionRow,
  transition,
} from './emulator/model/machines/machine.ts'
export {
  batchMachine,
  replMachine,
  serverMachine,
} from './emulator/model/machines/session-machines.ts'
export { statementMachine } from './emulator/model/machines/statement-machine.ts'
export type {
  JobException,
  JobMatcher,
  JobOutcomeContext,
  JobOutcomeRule,
  OutcomeContext,
  OutcomeHandle,
  OutcomeMatcher,
  OutcomeRule,
  OutcomeRules,
  StatementOutcomeRule,
  StatementOutputBody,
} from './emulator/model/outcomes/outcome.ts'
export type {
  PreloadBatchState,
  PreloadedIds,
  PreloadSessionState,
} from './emulator/model/preload.ts'
export { createRandom, type Random } from './emulator/model/random.ts'
export type { TaskHandle } from './emulator/model/scheduler.ts'
export { createStore, type LivyStore, type RecordTable } from './emulator/model/store/store.ts'
export {
  resolveTiming,
  TIMING_PROFILES,
  type Timing,
  type TimingName,
} from './emulator/model/timing.ts'
export { StateFileError } from './emulator/persistence/state-file-error.ts'
export type { StateFileRecovery } from './emulator/persistence/state-log.ts'
export type { StateFileStatus } from './emulator/persistence/state-persistence.ts'
export {
  createMemoryStateStorage,
  type MemoryStateStorage,
  type StateStorage,
} from './emulator/persistence/state-storage.ts'
export { readPreloadFile } from './emulator/preload/preload-file.ts'
export {
  type Preload,
  type PreloadBatchData,
  type PreloadData,
  PreloadError,
  type PreloadOutput,
  type PreloadSessionData,
  type PreloadStatementData,
  parsePreload,
} from './emulator/preload/preload-format.ts'
export {
  type LivyProfile,
  PROFILE_NAMES,
  PROFILES,
  type ProfileEnvironment,
  type ProfileName,
  resolveProfile,
} from './emulator/profiles/index.ts'
export { normaliseCode } from './emulator/recording/normalise-code.ts'
export {
  parseRecording,
  RECORDING_VERSION,
  type RecordedBatch,
  type RecordedExchange,
  type RecordedStatement,
  type Recording,
  RecordingError,
} from './emulator/recording/recording-format.ts'
export { fileRecordingSink, type RecordingSink } from './emulator/recording/recording-sink.ts'
export {
  fetchTransport,
  type UpstreamRequest,
  type UpstreamResponse,
  type UpstreamTransport,
} from './emulator/recording/upstream.ts'
export type {
  AuthOptions,
  BearerVerdict,
  TokenGrant,
} from './emulator/security/authenticate.ts'
