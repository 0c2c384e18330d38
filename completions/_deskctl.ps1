
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
            [CompletionResult]::new('agents', 'agents', [CompletionResultType]::ParameterValue, 'Manage the AI agents that hand conversations over')
            [CompletionResult]::new('actions', 'actions', [CompletionResultType]::ParameterValue, 'Configure each agent''s handover action (Escalate to Human)')
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'How new tickets are assigned, and the support inbox')
            [CompletionResult]::new('hours', 'hours', [CompletionResultType]::ParameterValue, 'Business hours')
            [CompletionResult]::new('notifications', 'notifications', [CompletionResultType]::ParameterValue, 'Who is told when a customer asks for a human')
            [CompletionResult]::new('fields', 'fields', [CompletionResultType]::ParameterValue, 'Ticket fields, set from context keys')
            [CompletionResult]::new('integrations', 'integrations', [CompletionResultType]::ParameterValue, 'Connections to external help desks, and deliveries of handoffs to them')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Priority and assignment rules')
            [CompletionResult]::new('tickets', 'tickets', [CompletionResultType]::ParameterValue, 'The ticket inbox: list, show, assign, reply, note, resolve')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'Preview, send and inspect handoffs')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'The SMTP server that emails customers and owners')
            [CompletionResult]::new('delivery', 'delivery', [CompletionResultType]::ParameterValue, 'The AI agent platform''s webhook for live replies and takeovers')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Outbound messages: pending, delivered and dead, with their errors')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the workspace match a desk document, in one transaction')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what applying a desk document would change (exit 3 when something would)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the workspace as a desk document that `apply` accepts unchanged')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a workspace document offline, with the place of every problem')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the workspace document')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the AI copilot''s read-only tools over MCP on stdio')
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
        'deskctl;agents' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List AI agents')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List AI agents')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one AI agent')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an AI agent')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Rename an AI agent')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an AI agent and its handover action')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an AI agent and its handover action')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;agents;list' {
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
        'deskctl;agents;ls' {
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
        'deskctl;agents;show' {
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
        'deskctl;agents;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The agent''s name')
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
        'deskctl;agents;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The agent''s name')
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
        'deskctl;agents;remove' {
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
        'deskctl;agents;rm' {
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
        'deskctl;agents;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List AI agents')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one AI agent')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an AI agent')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Rename an AI agent')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an AI agent and its handover action')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;agents;help;list' {
            break
        }
        'deskctl;agents;help;show' {
            break
        }
        'deskctl;agents;help;add' {
            break
        }
        'deskctl;agents;help;set' {
            break
        }
        'deskctl;agents;help;remove' {
            break
        }
        'deskctl;agents;help;help' {
            break
        }
        'deskctl;actions' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the agents'' handover actions')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the agents'' handover actions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an agent''s handover action')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change an agent''s handover action')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable an agent''s handover action')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an agent''s handover action')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Would the customer see the human button now (or at a moment), and if not why')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent''s handover action')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an agent''s handover action')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;actions;list' {
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
        'deskctl;actions;ls' {
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
        'deskctl;actions;show' {
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
        'deskctl;actions;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The action''s name, as the agent sees it, e.g. `Escalate_To_Human`')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where tickets go: `inbox` or a connected integration')
            [CompletionResult]::new('--when-to-use', '--when-to-use', [CompletionResultType]::ParameterName, 'Guidance for the agent: what the action does, what data moves, when to use it')
            [CompletionResult]::new('--when-to-use-file', '--when-to-use-file', [CompletionResultType]::ParameterName, 'Read the guidance from a file (`-` for stdin)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'A channel where escalation is offered; repeat for several (replaces the list)')
            [CompletionResult]::new('--default-priority', '--default-priority', [CompletionResultType]::ParameterName, 'The priority of tickets no priority rule decides')
            [CompletionResult]::new('--human-button', '--human-button', [CompletionResultType]::ParameterName, 'Show a "talk to a human" button in the chat widget')
            [CompletionResult]::new('--message-threshold', '--message-threshold', [CompletionResultType]::ParameterName, 'Messages exchanged before the button appears')
            [CompletionResult]::new('--waiting-label', '--waiting-label', [CompletionResultType]::ParameterName, 'Shown to the customer while waiting for a person')
            [CompletionResult]::new('--waiting-label-file', '--waiting-label-file', [CompletionResultType]::ParameterName, 'Read the waiting label from a file (`-` for stdin)')
            [CompletionResult]::new('--connected-label', '--connected-label', [CompletionResultType]::ParameterName, 'Shown to the customer once a person has joined')
            [CompletionResult]::new('--connected-label-file', '--connected-label-file', [CompletionResultType]::ParameterName, 'Read the connected label from a file (`-` for stdin)')
            [CompletionResult]::new('--auto-reply', '--auto-reply', [CompletionResultType]::ParameterName, 'Shown when nobody is available (outside business hours, or nobody online)')
            [CompletionResult]::new('--auto-reply-file', '--auto-reply-file', [CompletionResultType]::ParameterName, 'Read the auto-reply from a file (`-` for stdin)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-default-priority', '--no-default-priority', [CompletionResultType]::ParameterName, 'Leave the priority to rules, else medium')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;actions;enable' {
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
        'deskctl;actions;disable' {
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
        'deskctl;actions;status' {
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'Messages exchanged so far (default: the action''s threshold)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and time in your time zone (`2026-03-29T09:30`); default now')
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
        'deskctl;actions;remove' {
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
        'deskctl;actions;rm' {
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
        'deskctl;actions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the agents'' handover actions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an agent''s handover action')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change an agent''s handover action')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable an agent''s handover action')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an agent''s handover action')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Would the customer see the human button now (or at a moment), and if not why')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent''s handover action')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;actions;help;list' {
            break
        }
        'deskctl;actions;help;show' {
            break
        }
        'deskctl;actions;help;set' {
            break
        }
        'deskctl;actions;help;enable' {
            break
        }
        'deskctl;actions;help;disable' {
            break
        }
        'deskctl;actions;help;status' {
            break
        }
        'deskctl;actions;help;remove' {
            break
        }
        'deskctl;actions;help;help' {
            break
        }
        'deskctl;assignment' {
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
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the assignment method and the support inbox')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the assignment method or the support inbox')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;assignment;show' {
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
        'deskctl;assignment;set' {
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'manual: tickets wait to be taken; balanced: the available operator with the fewest open tickets; round-robin: available operators in turn')
            [CompletionResult]::new('--support-inbox', '--support-inbox', [CompletionResultType]::ParameterName, 'Turn the support inbox on for this address: email to it opens a ticket')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-support-inbox', '--no-support-inbox', [CompletionResultType]::ParameterName, 'Turn the support inbox off')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;assignment;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the assignment method and the support inbox')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the assignment method or the support inbox')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;assignment;help;show' {
            break
        }
        'deskctl;assignment;help;set' {
            break
        }
        'deskctl;assignment;help;help' {
            break
        }
        'deskctl;hours' {
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
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the business hours')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the business hours')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Are we open now (or at a moment), and when does that change')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;hours;show' {
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
        'deskctl;hours;set' {
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Turn business hours on or off')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'An IANA time zone, e.g. `Europe/Berlin`')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Working days, comma-separated: `mon,tue,wed` or full names (replaces the list)')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'When a working day''s span starts, `HH:MM` local time')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'When it ends, `HH:MM`; before the start only with --overnight true')
            [CompletionResult]::new('--overnight', '--overnight', [CompletionResultType]::ParameterName, 'The span ends the next day (e.g. 22:00–06:00)')
            [CompletionResult]::new('--holiday', '--holiday', [CompletionResultType]::ParameterName, 'Add a holiday, `YYYY-MM-DD` (repeat for several)')
            [CompletionResult]::new('--remove-holiday', '--remove-holiday', [CompletionResultType]::ParameterName, 'Remove a holiday (repeat for several)')
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
        'deskctl;hours;check' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and time in your time zone (`2026-03-29T09:30`); default now')
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
        'deskctl;hours;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the business hours')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the business hours')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Are we open now (or at a moment), and when does that change')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;hours;help;show' {
            break
        }
        'deskctl;hours;help;set' {
            break
        }
        'deskctl;hours;help;check' {
            break
        }
        'deskctl;hours;help;help' {
            break
        }
        'deskctl;notifications' {
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
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the notification settings')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the notification settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;notifications;show' {
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
        'deskctl;notifications;set' {
            [CompletionResult]::new('--email-owners', '--email-owners', [CompletionResultType]::ParameterName, 'Email every owner when a customer asks for a human')
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
        'deskctl;notifications;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the notification settings')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the notification settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;notifications;help;show' {
            break
        }
        'deskctl;notifications;help;set' {
            break
        }
        'deskctl;notifications;help;help' {
            break
        }
        'deskctl;fields' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List ticket fields')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List ticket fields')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one ticket field')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a ticket field')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Rename a field or replace a dropdown''s options')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a ticket field')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a ticket field')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;fields;list' {
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
        'deskctl;fields;ls' {
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
        'deskctl;fields;show' {
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
        'deskctl;fields;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The field''s name')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What values the field holds')
            [CompletionResult]::new('--option', '--option', [CompletionResultType]::ParameterName, 'A dropdown choice (repeat for several)')
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
        'deskctl;fields;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The field''s name')
            [CompletionResult]::new('--option', '--option', [CompletionResultType]::ParameterName, 'A dropdown choice (repeat for several; replaces the options)')
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
        'deskctl;fields;remove' {
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
        'deskctl;fields;rm' {
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
        'deskctl;fields;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List ticket fields')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one ticket field')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a ticket field')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Rename a field or replace a dropdown''s options')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a ticket field')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;fields;help;list' {
            break
        }
        'deskctl;fields;help;show' {
            break
        }
        'deskctl;fields;help;add' {
            break
        }
        'deskctl;fields;help;set' {
            break
        }
        'deskctl;fields;help;remove' {
            break
        }
        'deskctl;fields;help;help' {
            break
        }
        'deskctl;integrations' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the connected integrations with their status and last test')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the connected integrations with their status and last test')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration, the settings its kind takes, and its webhook URL')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect an integration, or change its settings; then test it')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Test a connection: the platform''s cheap authenticated call and its prerequisites')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an integration no handover action uses')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Deliveries of handoffs to external platforms: state, attempts, last error')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue dead deliveries again (or try pending ones now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;integrations;list' {
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
        'deskctl;integrations;ls' {
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
        'deskctl;integrations;show' {
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
        'deskctl;integrations;connect' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A setting, e.g. `--set subdomain=acme` (repeat for each; see the list below)')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove a setting kept from an earlier connect')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A secret and where to read it: NAME=env:VAR, NAME=file:PATH, NAME=- (stdin), or just NAME to be asked for it. Never on the command line itself')
            [CompletionResult]::new('--remove-secret', '--remove-secret', [CompletionResultType]::ParameterName, 'Remove a stored secret')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Call the platform here instead of its usual host (a sandbox, a proxy, a test double)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Send a context key (a ticket field''s value, converted) or one of Desk''s own values (desk.team, desk.priority, desk.reason, desk.handoff, desk.agent, desk.channel, desk.environment) to a platform custom field: KEY=PLATFORM_FIELD')
            [CompletionResult]::new('--unmap-field', '--unmap-field', [CompletionResultType]::ParameterName, 'Stop sending a context key or Desk value to the platform')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Use this platform value for a Desk priority: PRIORITY=VALUE, e.g. urgent=Critical')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-base-url', '--no-base-url', [CompletionResultType]::ParameterName, 'Go back to the platform''s usual host')
            [CompletionResult]::new('--no-test', '--no-test', [CompletionResultType]::ParameterName, 'Save without testing the connection')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;integrations;test' {
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
        'deskctl;integrations;disconnect' {
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
        'deskctl;integrations;deliveries' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only deliveries in this state')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many to show, newest first (1 to 500)')
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
        'deskctl;integrations;retry' {
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
        'deskctl;integrations;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the connected integrations with their status and last test')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration, the settings its kind takes, and its webhook URL')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect an integration, or change its settings; then test it')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Test a connection: the platform''s cheap authenticated call and its prerequisites')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an integration no handover action uses')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Deliveries of handoffs to external platforms: state, attempts, last error')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue dead deliveries again (or try pending ones now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;integrations;help;list' {
            break
        }
        'deskctl;integrations;help;show' {
            break
        }
        'deskctl;integrations;help;connect' {
            break
        }
        'deskctl;integrations;help;test' {
            break
        }
        'deskctl;integrations;help;disconnect' {
            break
        }
        'deskctl;integrations;help;deliveries' {
            break
        }
        'deskctl;integrations;help;retry' {
            break
        }
        'deskctl;integrations;help;help' {
            break
        }
        'deskctl;rules' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rules in the order they are tried')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List rules in the order they are tried')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rule')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a rule')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a rule')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a rule to another position in its list')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;rules;list' {
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
        'deskctl;rules;ls' {
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
        'deskctl;rules;add' {
            [CompletionResult]::new('--when', '--when', [CompletionResultType]::ParameterName, 'A condition (repeat for several): FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX, ''FIELD in A,B'', ''FIELD contains X'', ''FIELD exists''. Fields: channel, agent, environment, reason, requester.email, context.<key>. None: always matches')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'The priority a priority rule sets')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The team an assignment rule routes to')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the rule')
            [CompletionResult]::new('--position', '--position', [CompletionResultType]::ParameterName, 'Insert at this 1-based position (default: last)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--any', '--any', [CompletionResultType]::ParameterName, 'Match when any condition holds (default: all must)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;rules;remove' {
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
        'deskctl;rules;rm' {
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
        'deskctl;rules;move' {
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
        'deskctl;rules;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rules in the order they are tried')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rule')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a rule')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a rule to another position in its list')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;rules;help;list' {
            break
        }
        'deskctl;rules;help;add' {
            break
        }
        'deskctl;rules;help;remove' {
            break
        }
        'deskctl;rules;help;move' {
            break
        }
        'deskctl;rules;help;help' {
            break
        }
        'deskctl;tickets' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets in a view, filtered; newest activity first')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tickets in a view, filtered; newest activity first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a ticket and its whole timeline')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign tickets to an operator')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Unassign tickets')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Take unassigned tickets: assign them to yourself')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Set a ticket''s priority')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note (never shown to the customer)')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Reply to the customer, on the right channel')
            [CompletionResult]::new('takeover', 'takeover', [CompletionResultType]::ParameterValue, 'Take the conversation over from the AI, which stops answering')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve tickets')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen resolved tickets')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Walk unassigned (or a view''s) tickets one at a time, interactively')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;tickets;list' {
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'mine: assigned to you; all: every ticket; unassigned: waiting for someone; resolved: closed')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'priority')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'An operator''s handle')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'A team''s key')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'channel')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The source AI agent''s key')
            [CompletionResult]::new('--requester', '--requester', [CompletionResultType]::ParameterName, 'The requester''s email, name or external id')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Text to find in subjects and messages')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Text to find in subjects and messages')
            [CompletionResult]::new('--created-since', '--created-since', [CompletionResultType]::ParameterName, 'Created at or after this moment (RFC 3339, or a local date and time)')
            [CompletionResult]::new('--updated-since', '--updated-since', [CompletionResultType]::ParameterName, 'Active at or after this moment')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (default: 30 on a terminal, all when piped)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching ticket (streams with -o jsonl)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tickets;ls' {
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'mine: assigned to you; all: every ticket; unassigned: waiting for someone; resolved: closed')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'priority')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'An operator''s handle')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'A team''s key')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'channel')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The source AI agent''s key')
            [CompletionResult]::new('--requester', '--requester', [CompletionResultType]::ParameterName, 'The requester''s email, name or external id')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Text to find in subjects and messages')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Text to find in subjects and messages')
            [CompletionResult]::new('--created-since', '--created-since', [CompletionResultType]::ParameterName, 'Created at or after this moment (RFC 3339, or a local date and time)')
            [CompletionResult]::new('--updated-since', '--updated-since', [CompletionResultType]::ParameterName, 'Active at or after this moment')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (default: 30 on a terminal, all when piped)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching ticket (streams with -o jsonl)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tickets;show' {
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
        'deskctl;tickets;assign' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The operator to assign them to')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--me', '--me', [CompletionResultType]::ParameterName, 'Assign them to yourself (the token''s operator)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Assign even when the operator is not online')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;tickets;unassign' {
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
        'deskctl;tickets;take' {
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
        'deskctl;tickets;priority' {
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
        'deskctl;tickets;note' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the text from a file (`-` for stdin)')
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
        'deskctl;tickets;reply' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the text from a file (`-` for stdin)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Send on this channel instead of the one chosen (the live chat once taken over, else email when an address is on file)')
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
        'deskctl;tickets;takeover' {
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
        'deskctl;tickets;resolve' {
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
        'deskctl;tickets;reopen' {
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
        'deskctl;tickets;triage' {
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'The view to walk through')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only tickets of this team')
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
        'deskctl;tickets;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets in a view, filtered; newest activity first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a ticket and its whole timeline')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign tickets to an operator')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Unassign tickets')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Take unassigned tickets: assign them to yourself')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Set a ticket''s priority')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note (never shown to the customer)')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Reply to the customer, on the right channel')
            [CompletionResult]::new('takeover', 'takeover', [CompletionResultType]::ParameterValue, 'Take the conversation over from the AI, which stops answering')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve tickets')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen resolved tickets')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Walk unassigned (or a view''s) tickets one at a time, interactively')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;tickets;help;list' {
            break
        }
        'deskctl;tickets;help;show' {
            break
        }
        'deskctl;tickets;help;assign' {
            break
        }
        'deskctl;tickets;help;unassign' {
            break
        }
        'deskctl;tickets;help;take' {
            break
        }
        'deskctl;tickets;help;priority' {
            break
        }
        'deskctl;tickets;help;note' {
            break
        }
        'deskctl;tickets;help;reply' {
            break
        }
        'deskctl;tickets;help;takeover' {
            break
        }
        'deskctl;tickets;help;resolve' {
            break
        }
        'deskctl;tickets;help;reopen' {
            break
        }
        'deskctl;tickets;help;triage' {
            break
        }
        'deskctl;tickets;help;help' {
            break
        }
        'deskctl;handoff' {
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
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a handoff for real, to test a setup end to end')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded handoffs, newest first')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List recorded handoffs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a recorded handoff and its decision')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;handoff;preview' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The handoff, JSON or YAML (`-` for stdin); with --with, also JSON Lines of many handoffs (see docs/handoff-format.md)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The handoff, JSON or YAML (`-` for stdin); with --with, also JSON Lines of many handoffs (see docs/handoff-format.md)')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Preview as this agent instead of the file''s')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Preview in this environment instead of the file''s')
            [CompletionResult]::new('--with', '--with', [CompletionResultType]::ParameterName, 'Compare with the workspace as this desk document would make it (what-if); exits 3 when any handoff would be routed differently')
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
        'deskctl;handoff;send' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Send as this agent instead of the file''s')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Send in this environment instead of the file''s')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Make the send repeatable: the same key never creates a second ticket (default: a new random key, so retries after a lost answer are safe)')
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
        'deskctl;handoff;list' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Only handoffs from this environment')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only handoffs from this agent')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only handoffs with this outcome')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (newest first)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching handoff')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;handoff;ls' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Only handoffs from this environment')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only handoffs from this agent')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'Only handoffs with this outcome')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (newest first)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching handoff')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;handoff;show' {
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
        'deskctl;handoff;help' {
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a handoff for real, to test a setup end to end')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded handoffs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a recorded handoff and its decision')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;handoff;help;preview' {
            break
        }
        'deskctl;handoff;help;send' {
            break
        }
        'deskctl;handoff;help;list' {
            break
        }
        'deskctl;handoff;help;show' {
            break
        }
        'deskctl;handoff;help;help' {
            break
        }
        'deskctl;email' {
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
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the SMTP server settings (the password only as set or not)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the SMTP server settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;email;show' {
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
        'deskctl;email;set' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'The SMTP server''s host name, e.g. smtp.example.com')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The SMTP port (default: 25 with --tls none, 587 with starttls, 465 with tls)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'none: plain text (trusted local relays only); starttls: upgrade, required; tls: TLS from the start (SMTPS)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The user name to log in with')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Read the password from this environment variable')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The sender of the desk''s own mail (owners'' notices), e.g. "Acme Support <support@acme.example>"; operators'' replies come from the operator''s own name and address')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--default-port', '--default-port', [CompletionResultType]::ParameterName, 'Go back to the TLS mode''s usual port')
            [CompletionResult]::new('--no-username', '--no-username', [CompletionResultType]::ParameterName, 'Send without logging in (removes the username and password)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin (the whole input, without its final line break)')
            [CompletionResult]::new('--password-prompt', '--password-prompt', [CompletionResultType]::ParameterName, 'Ask for the password (on a terminal, without echo)')
            [CompletionResult]::new('--no-password', '--no-password', [CompletionResultType]::ParameterName, 'Remove the stored password')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;email;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the SMTP server settings (the password only as set or not)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the SMTP server settings')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;email;help;show' {
            break
        }
        'deskctl;email;help;set' {
            break
        }
        'deskctl;email;help;help' {
            break
        }
        'deskctl;delivery' {
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
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the delivery webhook (the secret only as set or not)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the delivery webhook or its signing secret')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;delivery;show' {
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
        'deskctl;delivery;set' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The platform''s webhook, e.g. https://ai.example.com/desk/events')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the signing secret from this environment variable')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-url', '--no-url', [CompletionResultType]::ParameterName, 'Stop delivering live replies and takeovers (they wait in the outbox)')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the signing secret from stdin (the whole input, without its final line break)')
            [CompletionResult]::new('--secret-prompt', '--secret-prompt', [CompletionResultType]::ParameterName, 'Ask for the signing secret (on a terminal, without echo)')
            [CompletionResult]::new('--no-secret', '--no-secret', [CompletionResultType]::ParameterName, 'Remove the stored signing secret (with --no-url: a URL needs one)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;delivery;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the delivery webhook (the secret only as set or not)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the delivery webhook or its signing secret')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;delivery;help;show' {
            break
        }
        'deskctl;delivery;help;set' {
            break
        }
        'deskctl;delivery;help;help' {
            break
        }
        'deskctl;outbox' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List outbound messages, newest first')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List outbound messages, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one outbound message and what it says')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue dead messages again (or try pending ones now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;outbox;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only messages in this state')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only messages of this kind')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Only messages about this ticket')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (newest first)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching message')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;outbox;ls' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only messages in this state')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only messages of this kind')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Only messages about this ticket')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (newest first)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching message')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;outbox;show' {
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
        'deskctl;outbox;retry' {
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
        'deskctl;outbox;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List outbound messages, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one outbound message and what it says')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue dead messages again (or try pending ones now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskctl;outbox;help;list' {
            break
        }
        'deskctl;outbox;help;show' {
            break
        }
        'deskctl;outbox;help;retry' {
            break
        }
        'deskctl;outbox;help;help' {
            break
        }
        'deskctl;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The desk document, YAML (`-` for stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The desk document, YAML (`-` for stdin)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and apply nothing (exit 3 when there are changes)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete what the document''s sections do not list')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;diff' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The desk document, YAML (`-` for stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The desk document, YAML (`-` for stdin)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also show what --prune would delete: what the document''s sections do not list')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;export' {
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
        'deskctl;validate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The document to check (`-` reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The document to check (`-` reads stdin)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Use this context instead of the current one (`local` is the local desk)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Use this local desk file instead of the default one')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--skip-secrets', '--skip-secrets', [CompletionResultType]::ParameterName, 'Do not resolve ${env:…} and ${file:…} secret references (when the secrets are not available where the check runs)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or notes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'deskctl;schema' {
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
        'deskctl;mcp' {
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
            [CompletionResult]::new('agents', 'agents', [CompletionResultType]::ParameterValue, 'Manage the AI agents that hand conversations over')
            [CompletionResult]::new('actions', 'actions', [CompletionResultType]::ParameterValue, 'Configure each agent''s handover action (Escalate to Human)')
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'How new tickets are assigned, and the support inbox')
            [CompletionResult]::new('hours', 'hours', [CompletionResultType]::ParameterValue, 'Business hours')
            [CompletionResult]::new('notifications', 'notifications', [CompletionResultType]::ParameterValue, 'Who is told when a customer asks for a human')
            [CompletionResult]::new('fields', 'fields', [CompletionResultType]::ParameterValue, 'Ticket fields, set from context keys')
            [CompletionResult]::new('integrations', 'integrations', [CompletionResultType]::ParameterValue, 'Connections to external help desks, and deliveries of handoffs to them')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Priority and assignment rules')
            [CompletionResult]::new('tickets', 'tickets', [CompletionResultType]::ParameterValue, 'The ticket inbox: list, show, assign, reply, note, resolve')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'Preview, send and inspect handoffs')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'The SMTP server that emails customers and owners')
            [CompletionResult]::new('delivery', 'delivery', [CompletionResultType]::ParameterValue, 'The AI agent platform''s webhook for live replies and takeovers')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Outbound messages: pending, delivered and dead, with their errors')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the workspace match a desk document, in one transaction')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what applying a desk document would change (exit 3 when something would)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the workspace as a desk document that `apply` accepts unchanged')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a workspace document offline, with the place of every problem')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the workspace document')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the AI copilot''s read-only tools over MCP on stdio')
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
        'deskctl;help;agents' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List AI agents')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one AI agent')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an AI agent')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Rename an AI agent')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an AI agent and its handover action')
            break
        }
        'deskctl;help;agents;list' {
            break
        }
        'deskctl;help;agents;show' {
            break
        }
        'deskctl;help;agents;add' {
            break
        }
        'deskctl;help;agents;set' {
            break
        }
        'deskctl;help;agents;remove' {
            break
        }
        'deskctl;help;actions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the agents'' handover actions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show an agent''s handover action')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change an agent''s handover action')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable an agent''s handover action')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable an agent''s handover action')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Would the customer see the human button now (or at a moment), and if not why')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent''s handover action')
            break
        }
        'deskctl;help;actions;list' {
            break
        }
        'deskctl;help;actions;show' {
            break
        }
        'deskctl;help;actions;set' {
            break
        }
        'deskctl;help;actions;enable' {
            break
        }
        'deskctl;help;actions;disable' {
            break
        }
        'deskctl;help;actions;status' {
            break
        }
        'deskctl;help;actions;remove' {
            break
        }
        'deskctl;help;assignment' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the assignment method and the support inbox')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the assignment method or the support inbox')
            break
        }
        'deskctl;help;assignment;show' {
            break
        }
        'deskctl;help;assignment;set' {
            break
        }
        'deskctl;help;hours' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the business hours')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the business hours')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Are we open now (or at a moment), and when does that change')
            break
        }
        'deskctl;help;hours;show' {
            break
        }
        'deskctl;help;hours;set' {
            break
        }
        'deskctl;help;hours;check' {
            break
        }
        'deskctl;help;notifications' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the notification settings')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the notification settings')
            break
        }
        'deskctl;help;notifications;show' {
            break
        }
        'deskctl;help;notifications;set' {
            break
        }
        'deskctl;help;fields' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List ticket fields')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one ticket field')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a ticket field')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Rename a field or replace a dropdown''s options')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a ticket field')
            break
        }
        'deskctl;help;fields;list' {
            break
        }
        'deskctl;help;fields;show' {
            break
        }
        'deskctl;help;fields;add' {
            break
        }
        'deskctl;help;fields;set' {
            break
        }
        'deskctl;help;fields;remove' {
            break
        }
        'deskctl;help;integrations' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the connected integrations with their status and last test')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration, the settings its kind takes, and its webhook URL')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect an integration, or change its settings; then test it')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Test a connection: the platform''s cheap authenticated call and its prerequisites')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect an integration no handover action uses')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Deliveries of handoffs to external platforms: state, attempts, last error')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue dead deliveries again (or try pending ones now)')
            break
        }
        'deskctl;help;integrations;list' {
            break
        }
        'deskctl;help;integrations;show' {
            break
        }
        'deskctl;help;integrations;connect' {
            break
        }
        'deskctl;help;integrations;test' {
            break
        }
        'deskctl;help;integrations;disconnect' {
            break
        }
        'deskctl;help;integrations;deliveries' {
            break
        }
        'deskctl;help;integrations;retry' {
            break
        }
        'deskctl;help;rules' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rules in the order they are tried')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rule')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a rule')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move a rule to another position in its list')
            break
        }
        'deskctl;help;rules;list' {
            break
        }
        'deskctl;help;rules;add' {
            break
        }
        'deskctl;help;rules;remove' {
            break
        }
        'deskctl;help;rules;move' {
            break
        }
        'deskctl;help;tickets' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets in a view, filtered; newest activity first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a ticket and its whole timeline')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign tickets to an operator')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Unassign tickets')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Take unassigned tickets: assign them to yourself')
            [CompletionResult]::new('priority', 'priority', [CompletionResultType]::ParameterValue, 'Set a ticket''s priority')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note (never shown to the customer)')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Reply to the customer, on the right channel')
            [CompletionResult]::new('takeover', 'takeover', [CompletionResultType]::ParameterValue, 'Take the conversation over from the AI, which stops answering')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve tickets')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen resolved tickets')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Walk unassigned (or a view''s) tickets one at a time, interactively')
            break
        }
        'deskctl;help;tickets;list' {
            break
        }
        'deskctl;help;tickets;show' {
            break
        }
        'deskctl;help;tickets;assign' {
            break
        }
        'deskctl;help;tickets;unassign' {
            break
        }
        'deskctl;help;tickets;take' {
            break
        }
        'deskctl;help;tickets;priority' {
            break
        }
        'deskctl;help;tickets;note' {
            break
        }
        'deskctl;help;tickets;reply' {
            break
        }
        'deskctl;help;tickets;takeover' {
            break
        }
        'deskctl;help;tickets;resolve' {
            break
        }
        'deskctl;help;tickets;reopen' {
            break
        }
        'deskctl;help;tickets;triage' {
            break
        }
        'deskctl;help;handoff' {
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a handoff for real, to test a setup end to end')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded handoffs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a recorded handoff and its decision')
            break
        }
        'deskctl;help;handoff;preview' {
            break
        }
        'deskctl;help;handoff;send' {
            break
        }
        'deskctl;help;handoff;list' {
            break
        }
        'deskctl;help;handoff;show' {
            break
        }
        'deskctl;help;email' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the SMTP server settings (the password only as set or not)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the SMTP server settings')
            break
        }
        'deskctl;help;email;show' {
            break
        }
        'deskctl;help;email;set' {
            break
        }
        'deskctl;help;delivery' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the delivery webhook (the secret only as set or not)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the delivery webhook or its signing secret')
            break
        }
        'deskctl;help;delivery;show' {
            break
        }
        'deskctl;help;delivery;set' {
            break
        }
        'deskctl;help;outbox' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List outbound messages, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one outbound message and what it says')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue dead messages again (or try pending ones now)')
            break
        }
        'deskctl;help;outbox;list' {
            break
        }
        'deskctl;help;outbox;show' {
            break
        }
        'deskctl;help;outbox;retry' {
            break
        }
        'deskctl;help;apply' {
            break
        }
        'deskctl;help;diff' {
            break
        }
        'deskctl;help;export' {
            break
        }
        'deskctl;help;validate' {
            break
        }
        'deskctl;help;schema' {
            break
        }
        'deskctl;help;mcp' {
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
