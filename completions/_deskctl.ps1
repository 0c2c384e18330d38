
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'deskctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'deskctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'deskctl' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the Desk service over HTTP')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Choose which Desk service the CLI talks to')
            [CompletionResult]::new('operators', 'operators', [CompletionResultType]::ParameterValue, 'Manage the people who work tickets')
            [CompletionResult]::new('teams', 'teams', [CompletionResultType]::ParameterValue, 'Manage teams of operators')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Manage API tokens')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'The address to listen on; port 0 picks a free port')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contexts; `*` marks the current one')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List contexts; `*` marks the current one')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a context (default: the one commands use now)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context current (`local` for the local desk)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a context and its stored token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a context and its stored token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;context;list' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;ls' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;show' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;use' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;add' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The Desk service''s URL, e.g. `https://desk.example.com`')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'The environment the service belongs to')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--protected', '--protected', [CompletionResultType]::ParameterName, 'Make every write to this context ask for confirmation, or need --yes')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from stdin')
            [CompletionResult]::new('--use', '--use', [CompletionResultType]::ParameterName, 'Make it the current context')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;remove' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;rm' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;context;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contexts; `*` marks the current one')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a context (default: the one commands use now)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context current (`local` for the local desk)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a context and its stored token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;context;help;list' {
            break
        }
        'deskctl;context;help;show' {
            break
        }
        'deskctl;context;help;use' {
            break
        }
        'deskctl;context;help;add' {
            break
        }
        'deskctl;context;help;remove' {
            break
        }
        'deskctl;context;help;help' {
            break
        }
        'deskctl;operators' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List operators')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List operators')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one operator')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an operator')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change an operator')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an operator, with their team memberships and tokens')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an operator, with their team memberships and tokens')
            [CompletionResult]::new('availability', 'availability', [CompletionResultType]::ParameterValue, 'Set whether an operator takes new tickets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;operators;list' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;ls' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;show' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name customers see')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The address replies are sent from')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What the operator may do')
            [CompletionResult]::new('--availability', '--availability', [CompletionResultType]::ParameterName, 'Whether the operator takes new tickets (only `online` operators are assigned)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'A team to join (repeat for several)')
            [CompletionResult]::new('--capacity', '--capacity', [CompletionResultType]::ParameterName, 'The most open tickets the operator takes')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'Email signature')
            [CompletionResult]::new('--signature-file', '--signature-file', [CompletionResultType]::ParameterName, 'Read the email signature from a file (`-` for stdin)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name customers see')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The address replies are sent from')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What the operator may do (only owners change roles)')
            [CompletionResult]::new('--availability', '--availability', [CompletionResultType]::ParameterName, 'Whether the operator takes new tickets')
            [CompletionResult]::new('--add-team', '--add-team', [CompletionResultType]::ParameterName, 'Join a team (repeat for several)')
            [CompletionResult]::new('--remove-team', '--remove-team', [CompletionResultType]::ParameterName, 'Leave a team (repeat for several)')
            [CompletionResult]::new('--capacity', '--capacity', [CompletionResultType]::ParameterName, 'The most open tickets the operator takes')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'Email signature')
            [CompletionResult]::new('--signature-file', '--signature-file', [CompletionResultType]::ParameterName, 'Read the email signature from a file (`-` for stdin)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-capacity', '--no-capacity', [CompletionResultType]::ParameterName, 'Remove the capacity limit')
            [CompletionResult]::new('--no-signature', '--no-signature', [CompletionResultType]::ParameterName, 'Remove the email signature')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;remove' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;rm' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;availability' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;operators;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List operators')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one operator')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an operator')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change an operator')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an operator, with their team memberships and tokens')
            [CompletionResult]::new('availability', 'availability', [CompletionResultType]::ParameterValue, 'Set whether an operator takes new tickets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;operators;help;list' {
            break
        }
        'deskctl;operators;help;show' {
            break
        }
        'deskctl;operators;help;add' {
            break
        }
        'deskctl;operators;help;set' {
            break
        }
        'deskctl;operators;help;remove' {
            break
        }
        'deskctl;operators;help;availability' {
            break
        }
        'deskctl;operators;help;help' {
            break
        }
        'deskctl;teams' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one team')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team (the first team becomes the default)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a team, its members, or make it the default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a team')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a team')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;teams;list' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;ls' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;show' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The team''s name')
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'An operator to add (repeat for several)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make it the default team (refused while another team is the default: move the default with `teams set KEY --default`)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The team''s name')
            [CompletionResult]::new('--add-member', '--add-member', [CompletionResultType]::ParameterName, 'Add an operator (repeat for several)')
            [CompletionResult]::new('--remove-member', '--remove-member', [CompletionResultType]::ParameterName, 'Remove an operator (repeat for several)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this the default team (the previous default stops being it)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;remove' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;rm' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;teams;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one team')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team (the first team becomes the default)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a team, its members, or make it the default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a team')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;teams;help;list' {
            break
        }
        'deskctl;teams;help;show' {
            break
        }
        'deskctl;teams;help;add' {
            break
        }
        'deskctl;teams;help;set' {
            break
        }
        'deskctl;teams;help;remove' {
            break
        }
        'deskctl;teams;help;help' {
            break
        }
        'deskctl;tokens' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token and print its secret, once')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token: requests with it fail from now on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;tokens;list' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tokens;ls' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tokens;create' {
            [CompletionResult]::new('--operator', '--operator', [CompletionResultType]::ParameterName, 'Create a token that acts as this operator, with their role')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A label for the token (defaults to the operator''s handle)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--ingest', '--ingest', [CompletionResultType]::ParameterName, 'Create an ingest token, for the AI agent platform: it may only send handoffs and inbound email (needs --name)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tokens;revoke' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tokens;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token and print its secret, once')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token: requests with it fail from now on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;tokens;help;list' {
            break
        }
        'deskctl;tokens;help;create' {
            break
        }
        'deskctl;tokens;help;revoke' {
            break
        }
        'deskctl;tokens;help;help' {
            break
        }
        'deskctl;completions' {
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the Desk service over HTTP')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Choose which Desk service the CLI talks to')
            [CompletionResult]::new('operators', 'operators', [CompletionResultType]::ParameterValue, 'Manage the people who work tickets')
            [CompletionResult]::new('teams', 'teams', [CompletionResultType]::ParameterValue, 'Manage teams of operators')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Manage API tokens')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;help;serve' {
            break
        }
        'deskctl;help;context' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contexts; `*` marks the current one')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a context (default: the one commands use now)')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context current (`local` for the local desk)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a context and its stored token')
            break
        }
        'deskctl;help;context;list' {
            break
        }
        'deskctl;help;context;show' {
            break
        }
        'deskctl;help;context;use' {
            break
        }
        'deskctl;help;context;add' {
            break
        }
        'deskctl;help;context;remove' {
            break
        }
        'deskctl;help;operators' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List operators')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one operator')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an operator')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change an operator')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an operator, with their team memberships and tokens')
            [CompletionResult]::new('availability', 'availability', [CompletionResultType]::ParameterValue, 'Set whether an operator takes new tickets')
            break
        }
        'deskctl;help;operators;list' {
            break
        }
        'deskctl;help;operators;show' {
            break
        }
        'deskctl;help;operators;add' {
            break
        }
        'deskctl;help;operators;set' {
            break
        }
        'deskctl;help;operators;remove' {
            break
        }
        'deskctl;help;operators;availability' {
            break
        }
        'deskctl;help;teams' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one team')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team (the first team becomes the default)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a team, its members, or make it the default')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a team')
            break
        }
        'deskctl;help;teams;list' {
            break
        }
        'deskctl;help;teams;show' {
            break
        }
        'deskctl;help;teams;add' {
            break
        }
        'deskctl;help;teams;set' {
            break
        }
        'deskctl;help;teams;remove' {
            break
        }
        'deskctl;help;tokens' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token and print its secret, once')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token: requests with it fail from now on')
            break
        }
        'deskctl;help;tokens;list' {
            break
        }
        'deskctl;help;tokens;create' {
            break
        }
        'deskctl;help;tokens;revoke' {
            break
        }
        'deskctl;help;completions' {
            break
        }
        'deskctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
