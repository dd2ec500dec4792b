/**
 * `livy-emulator/testcontainers`: a real Apache Livy 0.9.0 (Spark 3.5) in Docker, for tests
 * that must run against the real server (the emulator's judge uses it too), and
 * `EmulatorContainer`, the emulator's own image (`docker/`).
 *
 * @example
 * import { LivyContainer } from 'livy-emulator/testcontainers'
 * const livy = await new LivyContainer().withPort(0).start()
 * await fetch(`${livy.getBaseUrl()}/sessions`)
 * await livy.stop()
 */
export {
  DEFAULT_EMULATOR_IMAGE,
  DEFAULT_EMULATOR_STARTUP_TIMEOUT_MS,
  EMULATOR_CONTAINER_LABEL,
  EMULATOR_STATE_FILE,
  EmulatorContainer,
  type EmulatorContainerSpec,
  StartedEmulatorContainer,
} from './emulator-container.ts'
export {
  ARTIFACTS_EXIT_CODE,
  artifactsFailure,
  type BuildOptions,
  buildLivyImage,
  DEFAULT_LIVY_IMAGE,
  DEFAULT_LIVY_LOCAL_DIR,
  DEFAULT_LIVY_PORT,
  DEFAULT_STARTUP_TIMEOUT_MS,
  type EnsureImageOptions,
  ensureLivyImage,
  type ImageHooks,
  LIVY_CONTAINER_LABEL,
  LivyArtifactsUnavailable,
  LivyContainer,
  type LivyContainerSpec,
  livyCacheDir,
  livyConfLines,
  livyRecipeDir,
  prepareTestcontainersEnv,
  type ScriptResult,
  StartedLivyContainer,
  versionsFromLog,
} from './livy-container.ts'
