/** The SDK's name and version, as error messages show it; equal to package.json's (version.test.ts). */
export const version = '@prime-network/sdk@0.1.0'
