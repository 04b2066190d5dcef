export const version = '@prime-network/sdk@0.1.0'
