import { type Command, InvalidArgumentError } from '@commander-js/extra-typings'
import { examples } from './command.js'

/** Each command's path (`pool fund`) with its subcommand names and its options, from the tree. */
function walk(command: Command, path: string[] = []): { path: string; words: string[] }[] {
  const subcommands = command.commands as Command[]
  const words = [
    ...subcommands.map((sub) => sub.name()),
    ...command.options.flatMap((option) => [option.long, option.short].filter(Boolean) as string[]),
  ]
  return [
    { path: path.join(' '), words },
    ...subcommands.flatMap((sub) => walk(sub, [...path, sub.name()])),
  ]
}

/**
 * The completion script for `shell`, generated from the command tree (so a new command completes
 * without touching this file). Every shell gets the same table: the words typed so far that are
 * command names form a path, and the candidates are that command's subcommands and options plus
 * the global options. No dependency: the three shells' own completion machinery does the rest.
 */
export function completionScript(program: Command, shell: 'bash' | 'zsh' | 'fish'): string {
  // Options every subcommand takes (the root's, but --version belongs to the root alone).
  const global = [
    ...program.options
      .filter((option) => option.long !== '--version')
      .flatMap((option) => [option.long, option.short].filter(Boolean) as string[]),
    '--help',
  ]
  const table = walk(program).map(({ path, words }) => ({
    path,
    words: path === '' ? words : [...words, ...global],
  }))
  const cases = table
    .map(({ path, words }) => `    '${path}') words='${words.join(' ')}' ;;`)
    .join('\n')
  // The path is the command words typed so far: every word that extends a known path.
  const paths = table.map(({ path }) => path).filter(Boolean)
  const body = `_prime_words() {
  local path='' word
  for word in "$@"; do
    case " ${paths.map((p) => `'${p}'`).join(' ')} " in
      *" '\${path:+$path }$word' "*) path="\${path:+$path }$word" ;;
    esac
  done
  local words=''
  case "$path" in
${cases}
  esac
  printf '%s\\n' $words
}`
  if (shell === 'bash')
    return `# prime completion for bash: eval "$(prime completion bash)"
${body}
_prime() {
  local current="\${COMP_WORDS[COMP_CWORD]}"
  COMPREPLY=($(compgen -W "$(_prime_words "\${COMP_WORDS[@]:1:COMP_CWORD-1}")" -- "$current"))
}
complete -F _prime prime
`
  if (shell === 'zsh')
    return `# prime completion for zsh: eval "$(prime completion zsh)"
${body}
_prime() {
  local -a candidates
  candidates=(\${(f)"$(_prime_words "\${(@)words[2,CURRENT-1]}")"})
  compadd -- $candidates
}
compdef _prime prime
`
  // fish: the same path rule in fish's own language, one `complete` line per command.
  return `# prime completion for fish: prime completion fish | source
set -g __prime_paths ${paths.map((p) => `'${p}'`).join(' ')}
function __prime_path
  set -l path ''
  for word in (commandline -opc)[2..-1]
    set -l next (string trim -- "$path $word")
    if contains -- $next $__prime_paths
      set path $next
    end
  end
  echo $path
end
${table.map(({ path, words }) => `complete -c prime -f -n 'test "(__prime_path)" = "${path}"' -a '${words.join(' ')}'`).join('\n')}
`
}

const shells = ['bash', 'zsh', 'fish'] as const

export function registerCompletion(program: Command) {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish', (input) => {
      if (!(shells as readonly string[]).includes(input))
        throw new InvalidArgumentError(
          `'${input}' is not a shell prime completes (bash, zsh, fish)`,
        )
      return input as (typeof shells)[number]
    })
    .addHelpText(
      'after',
      examples([
        'eval "$(prime completion bash)"   # in ~/.bashrc',
        'eval "$(prime completion zsh)"    # in ~/.zshrc, after compinit',
        'prime completion fish > ~/.config/fish/completions/prime.fish',
      ]),
    )
    .action((shell) => {
      process.stdout.write(completionScript(program, shell))
    })
}
