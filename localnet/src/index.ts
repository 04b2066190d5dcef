/**
 * The local network every suite and app of this repository runs on: anvil started through the
 * project's shim, the protocol deployed by ./deploy.sh the way a user deploys it, and the SDK
 * rebuilt when its sources changed. The demo, the dashboard and the SDK's, CLI's, hooks' and
 * indexer's tests all start their chain here.
 */
export { type Anvil, type StartAnvilOptions, startAnvil } from './anvil.js'
export { type BuildSdkParameters, buildSdk, buildStep, isSdkBuilt, type Sink } from './build.js'
export {
  type Deployed,
  type DeployedChain,
  type DeployProtocolParameters,
  deployProtocol,
  type RunDeployScriptParameters,
  type RunDeployScriptReturnType,
  runDeployScript,
  startDeployedChain,
} from './deploy.js'
export { repoRoot } from './paths.js'
