import { readFile } from 'node:fs/promises'
import { describe, expect, inject, test } from 'vitest'
import { federator, primeClient } from '../test/utils.js'
import {
  getDeployment,
  loadDeployment,
  parseDeployment,
  registerDeployment,
} from './deployments.js'
import { InvalidInputError, UnsupportedChainIdError } from './errors/base.js'

const path = inject('deploymentPath')

describe('deployments', () => {
  test('loads the file the deploy script writes', async () => {
    const deployment = await loadDeployment(path)
    const raw = JSON.parse(await readFile(path, 'utf8'))
    expect(deployment).toEqual({
      chainId: 31337,
      deploymentBlock: BigInt(raw.deploymentBlock),
      token: raw.token,
      primeNetwork: raw.primeNetwork,
      stakeManager: raw.stakeManager,
      computeRegistry: raw.computeRegistry,
      domainRegistry: raw.domainRegistry,
      computePool: raw.computePool,
      rewardsDistributor: raw.rewardsDistributor,
      workValidation: raw.workValidation,
      multicall3: raw.multicall3,
    })
    expect(parseDeployment(await readFile(path, 'utf8'))).toEqual(deployment)
  })

  test('registers a deployment by chain id', async () => {
    const deployment = { ...(await loadDeployment(path)), chainId: 999_999 }
    expect(() => getDeployment(999_999)).toThrow(UnsupportedChainIdError)
    registerDeployment(deployment)
    expect(getDeployment(999_999)).toEqual(deployment)
  })

  test('rejects malformed deployments', () => {
    const valid = {
      chainId: 1,
      deploymentBlock: 0,
      token: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      primeNetwork: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      stakeManager: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      computeRegistry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      domainRegistry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      computePool: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      rewardsDistributor: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    }
    expect(parseDeployment(valid).deploymentBlock).toBe(0n)
    expect(() => parseDeployment(null)).toThrow(InvalidInputError)
    expect(() => parseDeployment({ ...valid, chainId: 0 })).toThrow(/deployment.chainId/)
    expect(() => parseDeployment({ ...valid, deploymentBlock: null })).toThrow(
      /deployment.deploymentBlock/,
    )
    expect(() => parseDeployment({ ...valid, deploymentBlock: -1 })).toThrow(
      /deployment.deploymentBlock/,
    )
    expect(() => parseDeployment({ ...valid, computePool: '0x12' })).toThrow(
      /deployment.computePool/,
    )
    // The work validation logic and the Multicall3 are optional (older deployments have none).
    for (const key of ['workValidation', 'multicall3'] as const) {
      expect(parseDeployment(valid)[key]).toBeUndefined()
      expect(parseDeployment({ ...valid, [key]: valid.token.toLowerCase() })[key]).toBe(valid.token)
      expect(() => parseDeployment({ ...valid, [key]: 7 })).toThrow(`deployment.${key}`)
    }
  })

  test('setWorkUnitsCap needs a deployment with the work validation logic', async () => {
    const { workValidation: _, ...withoutLogic } = await loadDeployment(path)
    const error = await primeClient(federator)
      .setWorkUnitsCap({ domainId: 1n, cap: 1n, deployment: withoutLogic })
      .catch((e) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.parameter).toBe('deployment.workValidation')
  })
})
