// prool uses Promise.withResolvers, which Node.js only has from version 22.
const PromiseWithResolvers = Promise as unknown as { withResolvers?: () => unknown }
PromiseWithResolvers.withResolvers ??= () => {
  let resolve: unknown
  let reject: unknown
  const promise = new Promise((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
