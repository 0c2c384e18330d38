# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_deskctl_global_optspecs
    string join \n context= server= desk= o/output= no-input y/yes q/quiet color= h/help V/version
end

function __fish_deskctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_deskctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_deskctl_using_subcommand
    set -l cmd (__fish_deskctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c deskctl -n "__fish_deskctl_needs_command" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_needs_command" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_needs_command" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_needs_command" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_needs_command" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_needs_command" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_needs_command" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_needs_command" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_needs_command" -s V -l version -d 'Print version'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "serve" -d 'Run the Desk service over HTTP'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "context" -d 'Choose which Desk service the CLI talks to'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "operators" -d 'Manage the people who work tickets'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "teams" -d 'Manage teams of operators'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "tokens" -d 'Manage API tokens'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "agents" -d 'Manage the AI agents that hand conversations over'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "actions" -d 'Configure each agent\'s handover action (Escalate to Human)'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "assignment" -d 'How new tickets are assigned, and the support inbox'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "hours" -d 'Business hours'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "notifications" -d 'Who is told when a customer asks for a human'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "fields" -d 'Ticket fields, set from context keys'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "integrations" -d 'Connections to external help desks, and deliveries of handoffs to them'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "rules" -d 'Priority and assignment rules'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "tickets" -d 'The ticket inbox: list, show, assign, reply, note, resolve'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "handoff" -d 'Preview, send and inspect handoffs'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "email" -d 'The SMTP server that emails customers and owners'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "delivery" -d 'The AI agent platform\'s webhook for live replies and takeovers'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "outbox" -d 'Outbound messages: pending, delivered and dead, with their errors'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "apply" -d 'Make the workspace match a desk document, in one transaction'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "diff" -d 'Show what applying a desk document would change (exit 3 when something would)'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "export" -d 'Write the workspace as a desk document that `apply` accepts unchanged'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "validate" -d 'Check a workspace document offline, with the place of every problem'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "schema" -d 'Print the JSON Schema of the workspace document'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "mcp" -d 'Serve the AI copilot\'s read-only tools over MCP on stdio'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c deskctl -n "__fish_deskctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -l listen -d 'The address to listen on; port 0 picks a free port' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "list" -d 'List contexts; `*` marks the current one'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "ls" -d 'List contexts; `*` marks the current one'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "show" -d 'Show a context (default: the one commands use now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "use" -d 'Make a context current (`local` for the local desk)'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "add" -d 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "remove" -d 'Remove a context and its stored token'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "rm" -d 'Remove a context and its stored token'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and not __fish_seen_subcommand_from list ls show use add remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l server -d 'The Desk service\'s URL, e.g. `https://desk.example.com`' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l environment -d 'The environment the service belongs to' -r -f -a "development\t''
staging\t''
production\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l protected -d 'Make every write to this context ask for confirmation, or need --yes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l token-stdin -d 'Read the token from stdin'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l use -d 'Make it the current context'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from help" -f -a "list" -d 'List contexts; `*` marks the current one'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a context (default: the one commands use now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a context current (`local` for the local desk)'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a context and its stored token'
complete -c deskctl -n "__fish_deskctl_using_subcommand context; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "list" -d 'List operators'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "ls" -d 'List operators'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "show" -d 'Show one operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "add" -d 'Add an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "set" -d 'Change an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "remove" -d 'Remove an operator, with their team memberships and tokens'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "rm" -d 'Remove an operator, with their team memberships and tokens'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "availability" -d 'Set whether an operator takes new tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and not __fish_seen_subcommand_from list ls show add set remove rm availability help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l name -d 'The name customers see' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l email -d 'The address replies are sent from' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l role -d 'What the operator may do' -r -f -a "owner\t''
manager\t''
operator\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l availability -d 'Whether the operator takes new tickets (only `online` operators are assigned)' -r -f -a "online\t''
away\t''
busy\t''
offline\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l team -d 'A team to join (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l capacity -d 'The most open tickets the operator takes' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l signature -d 'Email signature' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l signature-file -d 'Read the email signature from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l name -d 'The name customers see' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l email -d 'The address replies are sent from' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l role -d 'What the operator may do (only owners change roles)' -r -f -a "owner\t''
manager\t''
operator\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l availability -d 'Whether the operator takes new tickets' -r -f -a "online\t''
away\t''
busy\t''
offline\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l add-team -d 'Join a team (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l remove-team -d 'Leave a team (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l capacity -d 'The most open tickets the operator takes' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l signature -d 'Email signature' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l signature-file -d 'Read the email signature from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l no-capacity -d 'Remove the capacity limit'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l no-signature -d 'Remove the email signature'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from availability" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "list" -d 'List operators'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an operator, with their team memberships and tokens'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "availability" -d 'Set whether an operator takes new tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand operators; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "list" -d 'List teams'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "ls" -d 'List teams'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "show" -d 'Show one team'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "add" -d 'Add a team (the first team becomes the default)'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "set" -d 'Change a team, its members, or make it the default'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "remove" -d 'Remove a team'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "rm" -d 'Remove a team'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l name -d 'The team\'s name' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l member -d 'An operator to add (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l default -d 'Make it the default team (refused while another team is the default: move the default with `teams set KEY --default`)'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l name -d 'The team\'s name' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l add-member -d 'Add an operator (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l remove-member -d 'Remove an operator (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l default -d 'Make this the default team (the previous default stops being it)'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "list" -d 'List teams'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one team'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a team (the first team becomes the default)'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a team, its members, or make it the default'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a team'
complete -c deskctl -n "__fish_deskctl_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -f -a "list" -d 'List tokens (never their secrets)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -f -a "ls" -d 'List tokens (never their secrets)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -f -a "create" -d 'Create a token and print its secret, once'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -f -a "revoke" -d 'Revoke a token: requests with it fail from now on'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and not __fish_seen_subcommand_from list ls create revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l operator -d 'Create a token that acts as this operator, with their role' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l name -d 'A label for the token (defaults to the operator\'s handle)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l ingest -d 'Create an ingest token, for the AI agent platform: it may only send handoffs and inbound email (needs --name)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens (never their secrets)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token and print its secret, once'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token: requests with it fail from now on'
complete -c deskctl -n "__fish_deskctl_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "list" -d 'List AI agents'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "ls" -d 'List AI agents'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "show" -d 'Show one AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "add" -d 'Add an AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "set" -d 'Rename an AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "remove" -d 'Remove an AI agent and its handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "rm" -d 'Remove an AI agent and its handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -l name -d 'The agent\'s name' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -l name -d 'The agent\'s name' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "list" -d 'List AI agents'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "set" -d 'Rename an AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an AI agent and its handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "list" -d 'List the agents\' handover actions'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "ls" -d 'List the agents\' handover actions'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "show" -d 'Show an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "set" -d 'Create or change an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "enable" -d 'Enable an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "disable" -d 'Disable an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "status" -d 'Would the customer see the human button now (or at a moment), and if not why'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "remove" -d 'Remove an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "rm" -d 'Remove an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and not __fish_seen_subcommand_from list ls show set enable disable status remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l name -d 'The action\'s name, as the agent sees it, e.g. `Escalate_To_Human`' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l platform -d 'Where tickets go: `inbox` or a connected integration' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l when-to-use -d 'Guidance for the agent: what the action does, what data moves, when to use it' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l when-to-use-file -d 'Read the guidance from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l channel -d 'A channel where escalation is offered; repeat for several (replaces the list)' -r -f -a "web\t''
help-page\t''
telegram\t''
whatsapp\t''
email\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l default-priority -d 'The priority of tickets no priority rule decides' -r -f -a "low\t''
medium\t''
high\t''
urgent\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l human-button -d 'Show a "talk to a human" button in the chat widget' -r -f -a "true\t''
false\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l message-threshold -d 'Messages exchanged before the button appears' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l waiting-label -d 'Shown to the customer while waiting for a person' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l waiting-label-file -d 'Read the waiting label from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l connected-label -d 'Shown to the customer once a person has joined' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l connected-label-file -d 'Read the connected label from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l auto-reply -d 'Shown when nobody is available (outside business hours, or nobody online)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l auto-reply-file -d 'Read the auto-reply from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l no-default-priority -d 'Leave the priority to rules, else medium'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l messages -d 'Messages exchanged so far (default: the action\'s threshold)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l at -d 'The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and time in your time zone (`2026-03-29T09:30`); default now' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the agents\' handover actions'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create or change an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "status" -d 'Would the customer see the human button now (or at a moment), and if not why'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand actions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show the assignment method and the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change the assignment method or the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l method -d 'manual: tickets wait to be taken; balanced: the available operator with the fewest open tickets; round-robin: available operators in turn' -r -f -a "manual\t''
balanced\t''
round-robin\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l support-inbox -d 'Turn the support inbox on for this address: email to it opens a ticket' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l no-support-inbox -d 'Turn the support inbox off'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the assignment method and the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the assignment method or the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand assignment; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -f -a "show" -d 'Show the business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -f -a "set" -d 'Change the business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -f -a "check" -d 'Are we open now (or at a moment), and when does that change'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and not __fish_seen_subcommand_from show set check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l enabled -d 'Turn business hours on or off' -r -f -a "true\t''
false\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l timezone -d 'An IANA time zone, e.g. `Europe/Berlin`' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l days -d 'Working days, comma-separated: `mon,tue,wed` or full names (replaces the list)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l start -d 'When a working day\'s span starts, `HH:MM` local time' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l end -d 'When it ends, `HH:MM`; before the start only with --overnight true' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l overnight -d 'The span ends the next day (e.g. 22:00–06:00)' -r -f -a "true\t''
false\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l holiday -d 'Add a holiday, `YYYY-MM-DD` (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l remove-holiday -d 'Remove a holiday (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -l at -d 'The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and time in your time zone (`2026-03-29T09:30`); default now' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from help" -f -a "check" -d 'Are we open now (or at a moment), and when does that change'
complete -c deskctl -n "__fish_deskctl_using_subcommand hours; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show the notification settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change the notification settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -l email-owners -d 'Email every owner when a customer asks for a human' -r -f -a "true\t''
false\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the notification settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the notification settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand notifications; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "list" -d 'List ticket fields'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "ls" -d 'List ticket fields'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "show" -d 'Show one ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "add" -d 'Add a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "set" -d 'Rename a field or replace a dropdown\'s options'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "remove" -d 'Remove a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "rm" -d 'Remove a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and not __fish_seen_subcommand_from list ls show add set remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l name -d 'The field\'s name' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l type -d 'What values the field holds' -r -f -a "text\t''
number\t''
dropdown\t''
checkbox\t''
date\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l option -d 'A dropdown choice (repeat for several)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l name -d 'The field\'s name' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l option -d 'A dropdown choice (repeat for several; replaces the options)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from help" -f -a "list" -d 'List ticket fields'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from help" -f -a "set" -d 'Rename a field or replace a dropdown\'s options'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand fields; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "list" -d 'List the connected integrations with their status and last test'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "ls" -d 'List the connected integrations with their status and last test'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "show" -d 'Show one integration, the settings its kind takes, and its webhook URL'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "connect" -d 'Connect an integration, or change its settings; then test it'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "test" -d 'Test a connection: the platform\'s cheap authenticated call and its prerequisites'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "disconnect" -d 'Disconnect an integration no handover action uses'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "deliveries" -d 'Deliveries of handoffs to external platforms: state, attempts, last error'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "retry" -d 'Queue dead deliveries again (or try pending ones now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and not __fish_seen_subcommand_from list ls show connect test disconnect deliveries retry help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l set -d 'A setting, e.g. `--set subdomain=acme` (repeat for each; see the list below)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l unset -d 'Remove a setting kept from an earlier connect' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l secret -d 'A secret and where to read it: NAME=env:VAR, NAME=file:PATH, NAME=- (stdin), or just NAME to be asked for it. Never on the command line itself' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l remove-secret -d 'Remove a stored secret' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l base-url -d 'Call the platform here instead of its usual host (a sandbox, a proxy, a test double)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l field -d 'Send a context key (a ticket field\'s value, converted) or one of Desk\'s own values (desk.team, desk.priority, desk.reason, desk.handoff, desk.agent, desk.channel, desk.environment) to a platform custom field: KEY=PLATFORM_FIELD' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l unmap-field -d 'Stop sending a context key or Desk value to the platform' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l priority -d 'Use this platform value for a Desk priority: PRIORITY=VALUE, e.g. urgent=Critical' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l no-base-url -d 'Go back to the platform\'s usual host'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l no-test -d 'Save without testing the connection'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l state -d 'Only deliveries in this state' -r -f -a "pending\t''
delivered\t''
dead\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l limit -d 'How many to show, newest first (1 to 500)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from deliveries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the connected integrations with their status and last test'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one integration, the settings its kind takes, and its webhook URL'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "connect" -d 'Connect an integration, or change its settings; then test it'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "test" -d 'Test a connection: the platform\'s cheap authenticated call and its prerequisites'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Disconnect an integration no handover action uses'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "deliveries" -d 'Deliveries of handoffs to external platforms: state, attempts, last error'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Queue dead deliveries again (or try pending ones now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "list" -d 'List rules in the order they are tried'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "ls" -d 'List rules in the order they are tried'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "add" -d 'Add a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "remove" -d 'Remove a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "rm" -d 'Remove a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "move" -d 'Move a rule to another position in its list'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and not __fish_seen_subcommand_from list ls add remove rm move help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l when -d 'A condition (repeat for several): FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX, \'FIELD in A,B\', \'FIELD contains X\', \'FIELD exists\'. Fields: channel, agent, environment, reason, requester.email, context.<key>. None: always matches' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l priority -d 'The priority a priority rule sets' -r -f -a "low\t''
medium\t''
high\t''
urgent\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l team -d 'The team an assignment rule routes to' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l name -d 'A name for the rule' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l position -d 'Insert at this 1-based position (default: last)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l any -d 'Match when any condition holds (default: all must)'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "list" -d 'List rules in the order they are tried'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move a rule to another position in its list'
complete -c deskctl -n "__fish_deskctl_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "list" -d 'List tickets in a view, filtered; newest activity first'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "ls" -d 'List tickets in a view, filtered; newest activity first'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "show" -d 'Show a ticket and its whole timeline'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "assign" -d 'Assign tickets to an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "unassign" -d 'Unassign tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "take" -d 'Take unassigned tickets: assign them to yourself'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "priority" -d 'Set a ticket\'s priority'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "note" -d 'Add an internal note (never shown to the customer)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "reply" -d 'Reply to the customer, on the right channel'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "takeover" -d 'Take the conversation over from the AI, which stops answering'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "resolve" -d 'Resolve tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "reopen" -d 'Reopen resolved tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "triage" -d 'Walk unassigned (or a view\'s) tickets one at a time, interactively'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and not __fish_seen_subcommand_from list ls show assign unassign take priority note reply takeover resolve reopen triage help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l view -d 'mine: assigned to you; all: every ticket; unassigned: waiting for someone; resolved: closed' -r -f -a "mine\t''
all\t''
unassigned\t''
resolved\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l status -r -f -a "open\t''
pending\t''
resolved\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l priority -r -f -a "low\t''
medium\t''
high\t''
urgent\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l assignee -d 'An operator\'s handle' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l team -d 'A team\'s key' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l channel -r -f -a "web\t''
help-page\t''
telegram\t''
whatsapp\t''
email\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l agent -d 'The source AI agent\'s key' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l requester -d 'The requester\'s email, name or external id' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -s s -l search -d 'Text to find in subjects and messages' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l created-since -d 'Created at or after this moment (RFC 3339, or a local date and time)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l updated-since -d 'Active at or after this moment' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l limit -d 'At most this many (default: 30 on a terminal, all when piped)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l all -d 'Every matching ticket (streams with -o jsonl)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l view -d 'mine: assigned to you; all: every ticket; unassigned: waiting for someone; resolved: closed' -r -f -a "mine\t''
all\t''
unassigned\t''
resolved\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l status -r -f -a "open\t''
pending\t''
resolved\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l priority -r -f -a "low\t''
medium\t''
high\t''
urgent\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l assignee -d 'An operator\'s handle' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l team -d 'A team\'s key' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l channel -r -f -a "web\t''
help-page\t''
telegram\t''
whatsapp\t''
email\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l agent -d 'The source AI agent\'s key' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l requester -d 'The requester\'s email, name or external id' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -s s -l search -d 'Text to find in subjects and messages' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l created-since -d 'Created at or after this moment (RFC 3339, or a local date and time)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l updated-since -d 'Active at or after this moment' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l limit -d 'At most this many (default: 30 on a terminal, all when piped)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l all -d 'Every matching ticket (streams with -o jsonl)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l to -d 'The operator to assign them to' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l me -d 'Assign them to yourself (the token\'s operator)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l force -d 'Assign even when the operator is not online'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from unassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from take" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from priority" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -s m -l body -d 'The text' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -l body-file -d 'Read the text from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -s m -l body -d 'The text' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l body-file -d 'Read the text from a file (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l channel -d 'Send on this channel instead of the one chosen (the live chat once taken over, else email when an address is on file)' -r -f -a "web\t''
help-page\t''
telegram\t''
whatsapp\t''
email\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from takeover" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l view -d 'The view to walk through' -r -f -a "mine\t''
all\t''
unassigned\t''
resolved\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l team -d 'Only tickets of this team' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from triage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tickets in a view, filtered; newest activity first'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a ticket and its whole timeline'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Assign tickets to an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "unassign" -d 'Unassign tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "take" -d 'Take unassigned tickets: assign them to yourself'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "priority" -d 'Set a ticket\'s priority'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "note" -d 'Add an internal note (never shown to the customer)'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "reply" -d 'Reply to the customer, on the right channel'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "takeover" -d 'Take the conversation over from the AI, which stops answering'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "resolve" -d 'Resolve tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Reopen resolved tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "triage" -d 'Walk unassigned (or a view\'s) tickets one at a time, interactively'
complete -c deskctl -n "__fish_deskctl_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -f -a "preview" -d 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -f -a "send" -d 'Send a handoff for real, to test a setup end to end'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -f -a "list" -d 'List recorded handoffs, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -f -a "ls" -d 'List recorded handoffs, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -f -a "show" -d 'Show a recorded handoff and its decision'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and not __fish_seen_subcommand_from preview send list ls show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -s f -l file -d 'The handoff, JSON or YAML (`-` for stdin); with --with, also JSON Lines of many handoffs (see docs/handoff-format.md)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l agent -d 'Preview as this agent instead of the file\'s' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l env -d 'Preview in this environment instead of the file\'s' -r -f -a "development\t''
staging\t''
production\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l with -d 'Compare with the workspace as this desk document would make it (what-if); exits 3 when any handoff would be routed differently' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from preview" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -s f -l file -d 'The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l agent -d 'Send as this agent instead of the file\'s' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l env -d 'Send in this environment instead of the file\'s' -r -f -a "development\t''
staging\t''
production\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l idempotency-key -d 'Make the send repeatable: the same key never creates a second ticket (default: a new random key, so retries after a lost answer are safe)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l env -d 'Only handoffs from this environment' -r -f -a "development\t''
staging\t''
production\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l agent -d 'Only handoffs from this agent' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l outcome -d 'Only handoffs with this outcome' -r -f -a "preview\t''
ticket\t''
external\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l limit -d 'At most this many (newest first)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l all -d 'Every matching handoff'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l env -d 'Only handoffs from this environment' -r -f -a "development\t''
staging\t''
production\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l agent -d 'Only handoffs from this agent' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l outcome -d 'Only handoffs with this outcome' -r -f -a "preview\t''
ticket\t''
external\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l limit -d 'At most this many (newest first)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l all -d 'Every matching handoff'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "preview" -d 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send a handoff for real, to test a setup end to end'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "list" -d 'List recorded handoffs, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a recorded handoff and its decision'
complete -c deskctl -n "__fish_deskctl_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show the SMTP server settings (the password only as set or not)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change the SMTP server settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l host -d 'The SMTP server\'s host name, e.g. smtp.example.com' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l port -d 'The SMTP port (default: 25 with --tls none, 587 with starttls, 465 with tls)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l tls -d 'none: plain text (trusted local relays only); starttls: upgrade, required; tls: TLS from the start (SMTPS)' -r -f -a "none\t''
starttls\t''
tls\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l username -d 'The user name to log in with' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l password-env -d 'Read the password from this environment variable' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l from -d 'The sender of the desk\'s own mail (owners\' notices), e.g. "Acme Support <support@acme.example>"; operators\' replies come from the operator\'s own name and address' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l default-port -d 'Go back to the TLS mode\'s usual port'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l no-username -d 'Send without logging in (removes the username and password)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l password-stdin -d 'Read the password from stdin (the whole input, without its final line break)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l password-prompt -d 'Ask for the password (on a terminal, without echo)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l no-password -d 'Remove the stored password'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the SMTP server settings (the password only as set or not)'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the SMTP server settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show the delivery webhook (the secret only as set or not)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change the delivery webhook or its signing secret'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l url -d 'The platform\'s webhook, e.g. https://ai.example.com/desk/events' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l secret-env -d 'Read the signing secret from this environment variable' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l no-url -d 'Stop delivering live replies and takeovers (they wait in the outbox)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l secret-stdin -d 'Read the signing secret from stdin (the whole input, without its final line break)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l secret-prompt -d 'Ask for the signing secret (on a terminal, without echo)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l no-secret -d 'Remove the stored signing secret (with --no-url: a URL needs one)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the delivery webhook (the secret only as set or not)'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the delivery webhook or its signing secret'
complete -c deskctl -n "__fish_deskctl_using_subcommand delivery; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -f -a "list" -d 'List outbound messages, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -f -a "ls" -d 'List outbound messages, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -f -a "show" -d 'Show one outbound message and what it says'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -f -a "retry" -d 'Queue dead messages again (or try pending ones now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and not __fish_seen_subcommand_from list ls show retry help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l state -d 'Only messages in this state' -r -f -a "pending\t''
delivered\t''
dead\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l kind -d 'Only messages of this kind' -r -f -a "email\t''
webhook\t''
integration\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l ticket -d 'Only messages about this ticket' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l limit -d 'At most this many (newest first)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l all -d 'Every matching message'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l state -d 'Only messages in this state' -r -f -a "pending\t''
delivered\t''
dead\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l kind -d 'Only messages of this kind' -r -f -a "email\t''
webhook\t''
integration\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l ticket -d 'Only messages about this ticket' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l limit -d 'At most this many (newest first)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l all -d 'Every matching message'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "list" -d 'List outbound messages, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one outbound message and what it says'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Queue dead messages again (or try pending ones now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -s f -l file -d 'The desk document, YAML (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l dry-run -d 'Show the plan and apply nothing (exit 3 when there are changes)'
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l prune -d 'Also delete what the document\'s sections do not list'
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -s f -l file -d 'The desk document, YAML (`-` for stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -l prune -d 'Also show what --prune would delete: what the document\'s sections do not list'
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -s f -l file -d 'The document to check (`-` reads stdin)' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -l skip-secrets -d 'Do not resolve ${env:…} and ${file:…} secret references (when the secrets are not available where the check runs)'
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -l context -d 'Use this context instead of the current one (`local` is the local desk)' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -l server -d 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN' -r
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -l desk -d 'Use this local desk file instead of the default one' -r -F
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'An aligned table on a terminal; tab-separated values when piped'
wide\t'`table` with more columns'
json\t'The API\'s JSON: an array for lists'
jsonl\t'One JSON object per line'
yaml\t'The API\'s objects as YAML'
name\t'Only names (handles, keys, ids), one per line'"
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -l color -d 'When to use color' -r -f -a "auto\t'When writing to a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -l no-input -d 'Never prompt: fail instead, naming the flag that answers the question'
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -s y -l yes -d 'Answer yes to every confirmation'
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors: no status lines or notes'
complete -c deskctl -n "__fish_deskctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "serve" -d 'Run the Desk service over HTTP'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "context" -d 'Choose which Desk service the CLI talks to'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "operators" -d 'Manage the people who work tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "teams" -d 'Manage teams of operators'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "tokens" -d 'Manage API tokens'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "agents" -d 'Manage the AI agents that hand conversations over'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "actions" -d 'Configure each agent\'s handover action (Escalate to Human)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "assignment" -d 'How new tickets are assigned, and the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "hours" -d 'Business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "notifications" -d 'Who is told when a customer asks for a human'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "fields" -d 'Ticket fields, set from context keys'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "integrations" -d 'Connections to external help desks, and deliveries of handoffs to them'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "rules" -d 'Priority and assignment rules'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "tickets" -d 'The ticket inbox: list, show, assign, reply, note, resolve'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "handoff" -d 'Preview, send and inspect handoffs'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "email" -d 'The SMTP server that emails customers and owners'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "delivery" -d 'The AI agent platform\'s webhook for live replies and takeovers'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "outbox" -d 'Outbound messages: pending, delivered and dead, with their errors'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "apply" -d 'Make the workspace match a desk document, in one transaction'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "diff" -d 'Show what applying a desk document would change (exit 3 when something would)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "export" -d 'Write the workspace as a desk document that `apply` accepts unchanged'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "validate" -d 'Check a workspace document offline, with the place of every problem'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "schema" -d 'Print the JSON Schema of the workspace document'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "mcp" -d 'Serve the AI copilot\'s read-only tools over MCP on stdio'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and not __fish_seen_subcommand_from serve context operators teams tokens agents actions assignment hours notifications fields integrations rules tickets handoff email delivery outbox apply diff export validate schema mcp completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "list" -d 'List contexts; `*` marks the current one'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "show" -d 'Show a context (default: the one commands use now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "use" -d 'Make a context current (`local` for the local desk)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "add" -d 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from context" -f -a "remove" -d 'Remove a context and its stored token'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from operators" -f -a "list" -d 'List operators'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from operators" -f -a "show" -d 'Show one operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from operators" -f -a "add" -d 'Add an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from operators" -f -a "set" -d 'Change an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from operators" -f -a "remove" -d 'Remove an operator, with their team memberships and tokens'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from operators" -f -a "availability" -d 'Set whether an operator takes new tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from teams" -f -a "list" -d 'List teams'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from teams" -f -a "show" -d 'Show one team'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from teams" -f -a "add" -d 'Add a team (the first team becomes the default)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from teams" -f -a "set" -d 'Change a team, its members, or make it the default'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from teams" -f -a "remove" -d 'Remove a team'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "list" -d 'List tokens (never their secrets)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "create" -d 'Create a token and print its secret, once'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "revoke" -d 'Revoke a token: requests with it fail from now on'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "list" -d 'List AI agents'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "show" -d 'Show one AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "add" -d 'Add an AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "set" -d 'Rename an AI agent'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "remove" -d 'Remove an AI agent and its handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "list" -d 'List the agents\' handover actions'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "show" -d 'Show an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "set" -d 'Create or change an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "enable" -d 'Enable an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "disable" -d 'Disable an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "status" -d 'Would the customer see the human button now (or at a moment), and if not why'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from actions" -f -a "remove" -d 'Remove an agent\'s handover action'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from assignment" -f -a "show" -d 'Show the assignment method and the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from assignment" -f -a "set" -d 'Change the assignment method or the support inbox'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from hours" -f -a "show" -d 'Show the business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from hours" -f -a "set" -d 'Change the business hours'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from hours" -f -a "check" -d 'Are we open now (or at a moment), and when does that change'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from notifications" -f -a "show" -d 'Show the notification settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from notifications" -f -a "set" -d 'Change the notification settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from fields" -f -a "list" -d 'List ticket fields'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from fields" -f -a "show" -d 'Show one ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from fields" -f -a "add" -d 'Add a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from fields" -f -a "set" -d 'Rename a field or replace a dropdown\'s options'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from fields" -f -a "remove" -d 'Remove a ticket field'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "list" -d 'List the connected integrations with their status and last test'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "show" -d 'Show one integration, the settings its kind takes, and its webhook URL'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "connect" -d 'Connect an integration, or change its settings; then test it'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "test" -d 'Test a connection: the platform\'s cheap authenticated call and its prerequisites'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "disconnect" -d 'Disconnect an integration no handover action uses'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "deliveries" -d 'Deliveries of handoffs to external platforms: state, attempts, last error'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "retry" -d 'Queue dead deliveries again (or try pending ones now)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "list" -d 'List rules in the order they are tried'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "add" -d 'Add a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "remove" -d 'Remove a rule'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "move" -d 'Move a rule to another position in its list'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "list" -d 'List tickets in a view, filtered; newest activity first'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "show" -d 'Show a ticket and its whole timeline'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "assign" -d 'Assign tickets to an operator'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "unassign" -d 'Unassign tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "take" -d 'Take unassigned tickets: assign them to yourself'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "priority" -d 'Set a ticket\'s priority'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "note" -d 'Add an internal note (never shown to the customer)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "reply" -d 'Reply to the customer, on the right channel'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "takeover" -d 'Take the conversation over from the AI, which stops answering'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "resolve" -d 'Resolve tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "reopen" -d 'Reopen resolved tickets'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "triage" -d 'Walk unassigned (or a view\'s) tickets one at a time, interactively'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "preview" -d 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "send" -d 'Send a handoff for real, to test a setup end to end'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "list" -d 'List recorded handoffs, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "show" -d 'Show a recorded handoff and its decision'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from email" -f -a "show" -d 'Show the SMTP server settings (the password only as set or not)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from email" -f -a "set" -d 'Change the SMTP server settings'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from delivery" -f -a "show" -d 'Show the delivery webhook (the secret only as set or not)'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from delivery" -f -a "set" -d 'Change the delivery webhook or its signing secret'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "list" -d 'List outbound messages, newest first'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "show" -d 'Show one outbound message and what it says'
complete -c deskctl -n "__fish_deskctl_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "retry" -d 'Queue dead messages again (or try pending ones now)'
