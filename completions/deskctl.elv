
use builtin;
use str;

set edit:completion:arg-completer[deskctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'deskctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'deskctl'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the Desk service over HTTP'
            cand context 'Choose which Desk service the CLI talks to'
            cand operators 'Manage the people who work tickets'
            cand teams 'Manage teams of operators'
            cand tokens 'Manage API tokens'
            cand agents 'Manage the AI agents that hand conversations over'
            cand actions 'Configure each agent''s handover action (Escalate to Human)'
            cand assignment 'How new tickets are assigned, and the support inbox'
            cand hours 'Business hours'
            cand notifications 'Who is told when a customer asks for a human'
            cand fields 'Ticket fields, set from context keys'
            cand integrations 'Connections to external help desks, and deliveries of handoffs to them'
            cand rules 'Priority and assignment rules'
            cand tickets 'The ticket inbox: list, show, assign, reply, note, resolve'
            cand handoff 'Preview, send and inspect handoffs'
            cand email 'The SMTP server that emails customers and owners'
            cand delivery 'The AI agent platform''s webhook for live replies and takeovers'
            cand outbox 'Outbound messages: pending, delivered and dead, with their errors'
            cand apply 'Make the workspace match a desk document, in one transaction'
            cand diff 'Show what applying a desk document would change (exit 3 when something would)'
            cand export 'Write the workspace as a desk document that `apply` accepts unchanged'
            cand validate 'Check a workspace document offline, with the place of every problem'
            cand schema 'Print the JSON Schema of the workspace document'
            cand mcp 'Serve the AI copilot''s read-only tools over MCP on stdio'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;serve'= {
            cand --listen 'The address to listen on; port 0 picks a free port'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List contexts; `*` marks the current one'
            cand ls 'List contexts; `*` marks the current one'
            cand show 'Show a context (default: the one commands use now)'
            cand use 'Make a context current (`local` for the local desk)'
            cand add 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line'
            cand remove 'Remove a context and its stored token'
            cand rm 'Remove a context and its stored token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;context;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;use'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;add'= {
            cand --server 'The Desk service''s URL, e.g. `https://desk.example.com`'
            cand --environment 'The environment the service belongs to'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --protected 'Make every write to this context ask for confirmation, or need --yes'
            cand --token-stdin 'Read the token from stdin'
            cand --use 'Make it the current context'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;context;help'= {
            cand list 'List contexts; `*` marks the current one'
            cand show 'Show a context (default: the one commands use now)'
            cand use 'Make a context current (`local` for the local desk)'
            cand add 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line'
            cand remove 'Remove a context and its stored token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;context;help;list'= {
        }
        &'deskctl;context;help;show'= {
        }
        &'deskctl;context;help;use'= {
        }
        &'deskctl;context;help;add'= {
        }
        &'deskctl;context;help;remove'= {
        }
        &'deskctl;context;help;help'= {
        }
        &'deskctl;operators'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List operators'
            cand ls 'List operators'
            cand show 'Show one operator'
            cand add 'Add an operator'
            cand set 'Change an operator'
            cand remove 'Remove an operator, with their team memberships and tokens'
            cand rm 'Remove an operator, with their team memberships and tokens'
            cand availability 'Set whether an operator takes new tickets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;operators;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;add'= {
            cand --name 'The name customers see'
            cand --email 'The address replies are sent from'
            cand --role 'What the operator may do'
            cand --availability 'Whether the operator takes new tickets (only `online` operators are assigned)'
            cand --team 'A team to join (repeat for several)'
            cand --capacity 'The most open tickets the operator takes'
            cand --signature 'Email signature'
            cand --signature-file 'Read the email signature from a file (`-` for stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;set'= {
            cand --name 'The name customers see'
            cand --email 'The address replies are sent from'
            cand --role 'What the operator may do (only owners change roles)'
            cand --availability 'Whether the operator takes new tickets'
            cand --add-team 'Join a team (repeat for several)'
            cand --remove-team 'Leave a team (repeat for several)'
            cand --capacity 'The most open tickets the operator takes'
            cand --signature 'Email signature'
            cand --signature-file 'Read the email signature from a file (`-` for stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-capacity 'Remove the capacity limit'
            cand --no-signature 'Remove the email signature'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;availability'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;operators;help'= {
            cand list 'List operators'
            cand show 'Show one operator'
            cand add 'Add an operator'
            cand set 'Change an operator'
            cand remove 'Remove an operator, with their team memberships and tokens'
            cand availability 'Set whether an operator takes new tickets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;operators;help;list'= {
        }
        &'deskctl;operators;help;show'= {
        }
        &'deskctl;operators;help;add'= {
        }
        &'deskctl;operators;help;set'= {
        }
        &'deskctl;operators;help;remove'= {
        }
        &'deskctl;operators;help;availability'= {
        }
        &'deskctl;operators;help;help'= {
        }
        &'deskctl;teams'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List teams'
            cand ls 'List teams'
            cand show 'Show one team'
            cand add 'Add a team (the first team becomes the default)'
            cand set 'Change a team, its members, or make it the default'
            cand remove 'Remove a team'
            cand rm 'Remove a team'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;teams;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;add'= {
            cand --name 'The team''s name'
            cand --member 'An operator to add (repeat for several)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --default 'Make it the default team (refused while another team is the default: move the default with `teams set KEY --default`)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;set'= {
            cand --name 'The team''s name'
            cand --add-member 'Add an operator (repeat for several)'
            cand --remove-member 'Remove an operator (repeat for several)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --default 'Make this the default team (the previous default stops being it)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;teams;help'= {
            cand list 'List teams'
            cand show 'Show one team'
            cand add 'Add a team (the first team becomes the default)'
            cand set 'Change a team, its members, or make it the default'
            cand remove 'Remove a team'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;teams;help;list'= {
        }
        &'deskctl;teams;help;show'= {
        }
        &'deskctl;teams;help;add'= {
        }
        &'deskctl;teams;help;set'= {
        }
        &'deskctl;teams;help;remove'= {
        }
        &'deskctl;teams;help;help'= {
        }
        &'deskctl;tokens'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List tokens (never their secrets)'
            cand ls 'List tokens (never their secrets)'
            cand create 'Create a token and print its secret, once'
            cand revoke 'Revoke a token: requests with it fail from now on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;tokens;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tokens;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tokens;create'= {
            cand --operator 'Create a token that acts as this operator, with their role'
            cand --name 'A label for the token (defaults to the operator''s handle)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --ingest 'Create an ingest token, for the AI agent platform: it may only send handoffs and inbound email (needs --name)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tokens;revoke'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tokens;help'= {
            cand list 'List tokens (never their secrets)'
            cand create 'Create a token and print its secret, once'
            cand revoke 'Revoke a token: requests with it fail from now on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;tokens;help;list'= {
        }
        &'deskctl;tokens;help;create'= {
        }
        &'deskctl;tokens;help;revoke'= {
        }
        &'deskctl;tokens;help;help'= {
        }
        &'deskctl;agents'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List AI agents'
            cand ls 'List AI agents'
            cand show 'Show one AI agent'
            cand add 'Add an AI agent'
            cand set 'Rename an AI agent'
            cand remove 'Remove an AI agent and its handover action'
            cand rm 'Remove an AI agent and its handover action'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;agents;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;add'= {
            cand --name 'The agent''s name'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;set'= {
            cand --name 'The agent''s name'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;agents;help'= {
            cand list 'List AI agents'
            cand show 'Show one AI agent'
            cand add 'Add an AI agent'
            cand set 'Rename an AI agent'
            cand remove 'Remove an AI agent and its handover action'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;agents;help;list'= {
        }
        &'deskctl;agents;help;show'= {
        }
        &'deskctl;agents;help;add'= {
        }
        &'deskctl;agents;help;set'= {
        }
        &'deskctl;agents;help;remove'= {
        }
        &'deskctl;agents;help;help'= {
        }
        &'deskctl;actions'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the agents'' handover actions'
            cand ls 'List the agents'' handover actions'
            cand show 'Show an agent''s handover action'
            cand set 'Create or change an agent''s handover action'
            cand enable 'Enable an agent''s handover action'
            cand disable 'Disable an agent''s handover action'
            cand status 'Would the customer see the human button now (or at a moment), and if not why'
            cand remove 'Remove an agent''s handover action'
            cand rm 'Remove an agent''s handover action'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;actions;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;set'= {
            cand --name 'The action''s name, as the agent sees it, e.g. `Escalate_To_Human`'
            cand --platform 'Where tickets go: `inbox` or a connected integration'
            cand --when-to-use 'Guidance for the agent: what the action does, what data moves, when to use it'
            cand --when-to-use-file 'Read the guidance from a file (`-` for stdin)'
            cand --channel 'A channel where escalation is offered; repeat for several (replaces the list)'
            cand --default-priority 'The priority of tickets no priority rule decides'
            cand --human-button 'Show a "talk to a human" button in the chat widget'
            cand --message-threshold 'Messages exchanged before the button appears'
            cand --waiting-label 'Shown to the customer while waiting for a person'
            cand --waiting-label-file 'Read the waiting label from a file (`-` for stdin)'
            cand --connected-label 'Shown to the customer once a person has joined'
            cand --connected-label-file 'Read the connected label from a file (`-` for stdin)'
            cand --auto-reply 'Shown when nobody is available (outside business hours, or nobody online)'
            cand --auto-reply-file 'Read the auto-reply from a file (`-` for stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-default-priority 'Leave the priority to rules, else medium'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;enable'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;disable'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;status'= {
            cand --messages 'Messages exchanged so far (default: the action''s threshold)'
            cand --at 'The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and time in your time zone (`2026-03-29T09:30`); default now'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;actions;help'= {
            cand list 'List the agents'' handover actions'
            cand show 'Show an agent''s handover action'
            cand set 'Create or change an agent''s handover action'
            cand enable 'Enable an agent''s handover action'
            cand disable 'Disable an agent''s handover action'
            cand status 'Would the customer see the human button now (or at a moment), and if not why'
            cand remove 'Remove an agent''s handover action'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;actions;help;list'= {
        }
        &'deskctl;actions;help;show'= {
        }
        &'deskctl;actions;help;set'= {
        }
        &'deskctl;actions;help;enable'= {
        }
        &'deskctl;actions;help;disable'= {
        }
        &'deskctl;actions;help;status'= {
        }
        &'deskctl;actions;help;remove'= {
        }
        &'deskctl;actions;help;help'= {
        }
        &'deskctl;assignment'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the assignment method and the support inbox'
            cand set 'Change the assignment method or the support inbox'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;assignment;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;assignment;set'= {
            cand --method 'manual: tickets wait to be taken; balanced: the available operator with the fewest open tickets; round-robin: available operators in turn'
            cand --support-inbox 'Turn the support inbox on for this address: email to it opens a ticket'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-support-inbox 'Turn the support inbox off'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;assignment;help'= {
            cand show 'Show the assignment method and the support inbox'
            cand set 'Change the assignment method or the support inbox'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;assignment;help;show'= {
        }
        &'deskctl;assignment;help;set'= {
        }
        &'deskctl;assignment;help;help'= {
        }
        &'deskctl;hours'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the business hours'
            cand set 'Change the business hours'
            cand check 'Are we open now (or at a moment), and when does that change'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;hours;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;hours;set'= {
            cand --enabled 'Turn business hours on or off'
            cand --timezone 'An IANA time zone, e.g. `Europe/Berlin`'
            cand --days 'Working days, comma-separated: `mon,tue,wed` or full names (replaces the list)'
            cand --start 'When a working day''s span starts, `HH:MM` local time'
            cand --end 'When it ends, `HH:MM`; before the start only with --overnight true'
            cand --overnight 'The span ends the next day (e.g. 22:00–06:00)'
            cand --holiday 'Add a holiday, `YYYY-MM-DD` (repeat for several)'
            cand --remove-holiday 'Remove a holiday (repeat for several)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;hours;check'= {
            cand --at 'The moment to check: RFC 3339 (`2026-03-29T07:30:00Z`) or a local date and time in your time zone (`2026-03-29T09:30`); default now'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;hours;help'= {
            cand show 'Show the business hours'
            cand set 'Change the business hours'
            cand check 'Are we open now (or at a moment), and when does that change'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;hours;help;show'= {
        }
        &'deskctl;hours;help;set'= {
        }
        &'deskctl;hours;help;check'= {
        }
        &'deskctl;hours;help;help'= {
        }
        &'deskctl;notifications'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the notification settings'
            cand set 'Change the notification settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;notifications;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;notifications;set'= {
            cand --email-owners 'Email every owner when a customer asks for a human'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;notifications;help'= {
            cand show 'Show the notification settings'
            cand set 'Change the notification settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;notifications;help;show'= {
        }
        &'deskctl;notifications;help;set'= {
        }
        &'deskctl;notifications;help;help'= {
        }
        &'deskctl;fields'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List ticket fields'
            cand ls 'List ticket fields'
            cand show 'Show one ticket field'
            cand add 'Add a ticket field'
            cand set 'Rename a field or replace a dropdown''s options'
            cand remove 'Remove a ticket field'
            cand rm 'Remove a ticket field'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;fields;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;add'= {
            cand --name 'The field''s name'
            cand --type 'What values the field holds'
            cand --option 'A dropdown choice (repeat for several)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;set'= {
            cand --name 'The field''s name'
            cand --option 'A dropdown choice (repeat for several; replaces the options)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;fields;help'= {
            cand list 'List ticket fields'
            cand show 'Show one ticket field'
            cand add 'Add a ticket field'
            cand set 'Rename a field or replace a dropdown''s options'
            cand remove 'Remove a ticket field'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;fields;help;list'= {
        }
        &'deskctl;fields;help;show'= {
        }
        &'deskctl;fields;help;add'= {
        }
        &'deskctl;fields;help;set'= {
        }
        &'deskctl;fields;help;remove'= {
        }
        &'deskctl;fields;help;help'= {
        }
        &'deskctl;integrations'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the connected integrations with their status and last test'
            cand ls 'List the connected integrations with their status and last test'
            cand show 'Show one integration, the settings its kind takes, and its webhook URL'
            cand connect 'Connect an integration, or change its settings; then test it'
            cand test 'Test a connection: the platform''s cheap authenticated call and its prerequisites'
            cand disconnect 'Disconnect an integration no handover action uses'
            cand deliveries 'Deliveries of handoffs to external platforms: state, attempts, last error'
            cand retry 'Queue dead deliveries again (or try pending ones now)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;integrations;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;connect'= {
            cand --set 'A setting, e.g. `--set subdomain=acme` (repeat for each; see the list below)'
            cand --unset 'Remove a setting kept from an earlier connect'
            cand --secret 'A secret and where to read it: NAME=env:VAR, NAME=file:PATH, NAME=- (stdin), or just NAME to be asked for it. Never on the command line itself'
            cand --remove-secret 'Remove a stored secret'
            cand --base-url 'Call the platform here instead of its usual host (a sandbox, a proxy, a test double)'
            cand --field 'Send a context key (a ticket field''s value, converted) or one of Desk''s own values (desk.team, desk.priority, desk.reason, desk.handoff, desk.agent, desk.channel, desk.environment) to a platform custom field: KEY=PLATFORM_FIELD'
            cand --unmap-field 'Stop sending a context key or Desk value to the platform'
            cand --priority 'Use this platform value for a Desk priority: PRIORITY=VALUE, e.g. urgent=Critical'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-base-url 'Go back to the platform''s usual host'
            cand --no-test 'Save without testing the connection'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;test'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;disconnect'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;deliveries'= {
            cand --state 'Only deliveries in this state'
            cand --limit 'How many to show, newest first (1 to 500)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;retry'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;integrations;help'= {
            cand list 'List the connected integrations with their status and last test'
            cand show 'Show one integration, the settings its kind takes, and its webhook URL'
            cand connect 'Connect an integration, or change its settings; then test it'
            cand test 'Test a connection: the platform''s cheap authenticated call and its prerequisites'
            cand disconnect 'Disconnect an integration no handover action uses'
            cand deliveries 'Deliveries of handoffs to external platforms: state, attempts, last error'
            cand retry 'Queue dead deliveries again (or try pending ones now)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;integrations;help;list'= {
        }
        &'deskctl;integrations;help;show'= {
        }
        &'deskctl;integrations;help;connect'= {
        }
        &'deskctl;integrations;help;test'= {
        }
        &'deskctl;integrations;help;disconnect'= {
        }
        &'deskctl;integrations;help;deliveries'= {
        }
        &'deskctl;integrations;help;retry'= {
        }
        &'deskctl;integrations;help;help'= {
        }
        &'deskctl;rules'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List rules in the order they are tried'
            cand ls 'List rules in the order they are tried'
            cand add 'Add a rule'
            cand remove 'Remove a rule'
            cand rm 'Remove a rule'
            cand move 'Move a rule to another position in its list'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;rules;list'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;rules;ls'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;rules;add'= {
            cand --when 'A condition (repeat for several): FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX, ''FIELD in A,B'', ''FIELD contains X'', ''FIELD exists''. Fields: channel, agent, environment, reason, requester.email, context.<key>. None: always matches'
            cand --priority 'The priority a priority rule sets'
            cand --team 'The team an assignment rule routes to'
            cand --name 'A name for the rule'
            cand --position 'Insert at this 1-based position (default: last)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --any 'Match when any condition holds (default: all must)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;rules;remove'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;rules;rm'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;rules;move'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;rules;help'= {
            cand list 'List rules in the order they are tried'
            cand add 'Add a rule'
            cand remove 'Remove a rule'
            cand move 'Move a rule to another position in its list'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;rules;help;list'= {
        }
        &'deskctl;rules;help;add'= {
        }
        &'deskctl;rules;help;remove'= {
        }
        &'deskctl;rules;help;move'= {
        }
        &'deskctl;rules;help;help'= {
        }
        &'deskctl;tickets'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List tickets in a view, filtered; newest activity first'
            cand ls 'List tickets in a view, filtered; newest activity first'
            cand show 'Show a ticket and its whole timeline'
            cand assign 'Assign tickets to an operator'
            cand unassign 'Unassign tickets'
            cand take 'Take unassigned tickets: assign them to yourself'
            cand priority 'Set a ticket''s priority'
            cand note 'Add an internal note (never shown to the customer)'
            cand reply 'Reply to the customer, on the right channel'
            cand takeover 'Take the conversation over from the AI, which stops answering'
            cand resolve 'Resolve tickets'
            cand reopen 'Reopen resolved tickets'
            cand triage 'Walk unassigned (or a view''s) tickets one at a time, interactively'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;tickets;list'= {
            cand --view 'mine: assigned to you; all: every ticket; unassigned: waiting for someone; resolved: closed'
            cand --status 'status'
            cand --priority 'priority'
            cand --assignee 'An operator''s handle'
            cand --team 'A team''s key'
            cand --channel 'channel'
            cand --agent 'The source AI agent''s key'
            cand --requester 'The requester''s email, name or external id'
            cand -s 'Text to find in subjects and messages'
            cand --search 'Text to find in subjects and messages'
            cand --created-since 'Created at or after this moment (RFC 3339, or a local date and time)'
            cand --updated-since 'Active at or after this moment'
            cand --limit 'At most this many (default: 30 on a terminal, all when piped)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --all 'Every matching ticket (streams with -o jsonl)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;ls'= {
            cand --view 'mine: assigned to you; all: every ticket; unassigned: waiting for someone; resolved: closed'
            cand --status 'status'
            cand --priority 'priority'
            cand --assignee 'An operator''s handle'
            cand --team 'A team''s key'
            cand --channel 'channel'
            cand --agent 'The source AI agent''s key'
            cand --requester 'The requester''s email, name or external id'
            cand -s 'Text to find in subjects and messages'
            cand --search 'Text to find in subjects and messages'
            cand --created-since 'Created at or after this moment (RFC 3339, or a local date and time)'
            cand --updated-since 'Active at or after this moment'
            cand --limit 'At most this many (default: 30 on a terminal, all when piped)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --all 'Every matching ticket (streams with -o jsonl)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;assign'= {
            cand --to 'The operator to assign them to'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --me 'Assign them to yourself (the token''s operator)'
            cand --force 'Assign even when the operator is not online'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;unassign'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;take'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;priority'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;note'= {
            cand -m 'The text'
            cand --body 'The text'
            cand --body-file 'Read the text from a file (`-` for stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;reply'= {
            cand -m 'The text'
            cand --body 'The text'
            cand --body-file 'Read the text from a file (`-` for stdin)'
            cand --channel 'Send on this channel instead of the one chosen (the live chat once taken over, else email when an address is on file)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;takeover'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;resolve'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;reopen'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;triage'= {
            cand --view 'The view to walk through'
            cand --team 'Only tickets of this team'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;tickets;help'= {
            cand list 'List tickets in a view, filtered; newest activity first'
            cand show 'Show a ticket and its whole timeline'
            cand assign 'Assign tickets to an operator'
            cand unassign 'Unassign tickets'
            cand take 'Take unassigned tickets: assign them to yourself'
            cand priority 'Set a ticket''s priority'
            cand note 'Add an internal note (never shown to the customer)'
            cand reply 'Reply to the customer, on the right channel'
            cand takeover 'Take the conversation over from the AI, which stops answering'
            cand resolve 'Resolve tickets'
            cand reopen 'Reopen resolved tickets'
            cand triage 'Walk unassigned (or a view''s) tickets one at a time, interactively'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;tickets;help;list'= {
        }
        &'deskctl;tickets;help;show'= {
        }
        &'deskctl;tickets;help;assign'= {
        }
        &'deskctl;tickets;help;unassign'= {
        }
        &'deskctl;tickets;help;take'= {
        }
        &'deskctl;tickets;help;priority'= {
        }
        &'deskctl;tickets;help;note'= {
        }
        &'deskctl;tickets;help;reply'= {
        }
        &'deskctl;tickets;help;takeover'= {
        }
        &'deskctl;tickets;help;resolve'= {
        }
        &'deskctl;tickets;help;reopen'= {
        }
        &'deskctl;tickets;help;triage'= {
        }
        &'deskctl;tickets;help;help'= {
        }
        &'deskctl;handoff'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand preview 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)'
            cand send 'Send a handoff for real, to test a setup end to end'
            cand list 'List recorded handoffs, newest first'
            cand ls 'List recorded handoffs, newest first'
            cand show 'Show a recorded handoff and its decision'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;handoff;preview'= {
            cand -f 'The handoff, JSON or YAML (`-` for stdin); with --with, also JSON Lines of many handoffs (see docs/handoff-format.md)'
            cand --file 'The handoff, JSON or YAML (`-` for stdin); with --with, also JSON Lines of many handoffs (see docs/handoff-format.md)'
            cand --agent 'Preview as this agent instead of the file''s'
            cand --env 'Preview in this environment instead of the file''s'
            cand --with 'Compare with the workspace as this desk document would make it (what-if); exits 3 when any handoff would be routed differently'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;handoff;send'= {
            cand -f 'The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md'
            cand --file 'The handoff, JSON or YAML (`-` for stdin); see docs/handoff-format.md'
            cand --agent 'Send as this agent instead of the file''s'
            cand --env 'Send in this environment instead of the file''s'
            cand --idempotency-key 'Make the send repeatable: the same key never creates a second ticket (default: a new random key, so retries after a lost answer are safe)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;handoff;list'= {
            cand --env 'Only handoffs from this environment'
            cand --agent 'Only handoffs from this agent'
            cand --outcome 'Only handoffs with this outcome'
            cand --limit 'At most this many (newest first)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --all 'Every matching handoff'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;handoff;ls'= {
            cand --env 'Only handoffs from this environment'
            cand --agent 'Only handoffs from this agent'
            cand --outcome 'Only handoffs with this outcome'
            cand --limit 'At most this many (newest first)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --all 'Every matching handoff'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;handoff;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;handoff;help'= {
            cand preview 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)'
            cand send 'Send a handoff for real, to test a setup end to end'
            cand list 'List recorded handoffs, newest first'
            cand show 'Show a recorded handoff and its decision'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;handoff;help;preview'= {
        }
        &'deskctl;handoff;help;send'= {
        }
        &'deskctl;handoff;help;list'= {
        }
        &'deskctl;handoff;help;show'= {
        }
        &'deskctl;handoff;help;help'= {
        }
        &'deskctl;email'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the SMTP server settings (the password only as set or not)'
            cand set 'Change the SMTP server settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;email;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;email;set'= {
            cand --host 'The SMTP server''s host name, e.g. smtp.example.com'
            cand --port 'The SMTP port (default: 25 with --tls none, 587 with starttls, 465 with tls)'
            cand --tls 'none: plain text (trusted local relays only); starttls: upgrade, required; tls: TLS from the start (SMTPS)'
            cand --username 'The user name to log in with'
            cand --password-env 'Read the password from this environment variable'
            cand --from 'The sender of the desk''s own mail (owners'' notices), e.g. "Acme Support <support@acme.example>"; operators'' replies come from the operator''s own name and address'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --default-port 'Go back to the TLS mode''s usual port'
            cand --no-username 'Send without logging in (removes the username and password)'
            cand --password-stdin 'Read the password from stdin (the whole input, without its final line break)'
            cand --password-prompt 'Ask for the password (on a terminal, without echo)'
            cand --no-password 'Remove the stored password'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;email;help'= {
            cand show 'Show the SMTP server settings (the password only as set or not)'
            cand set 'Change the SMTP server settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;email;help;show'= {
        }
        &'deskctl;email;help;set'= {
        }
        &'deskctl;email;help;help'= {
        }
        &'deskctl;delivery'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the delivery webhook (the secret only as set or not)'
            cand set 'Change the delivery webhook or its signing secret'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;delivery;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;delivery;set'= {
            cand --url 'The platform''s webhook, e.g. https://ai.example.com/desk/events'
            cand --secret-env 'Read the signing secret from this environment variable'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-url 'Stop delivering live replies and takeovers (they wait in the outbox)'
            cand --secret-stdin 'Read the signing secret from stdin (the whole input, without its final line break)'
            cand --secret-prompt 'Ask for the signing secret (on a terminal, without echo)'
            cand --no-secret 'Remove the stored signing secret (with --no-url: a URL needs one)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;delivery;help'= {
            cand show 'Show the delivery webhook (the secret only as set or not)'
            cand set 'Change the delivery webhook or its signing secret'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;delivery;help;show'= {
        }
        &'deskctl;delivery;help;set'= {
        }
        &'deskctl;delivery;help;help'= {
        }
        &'deskctl;outbox'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List outbound messages, newest first'
            cand ls 'List outbound messages, newest first'
            cand show 'Show one outbound message and what it says'
            cand retry 'Queue dead messages again (or try pending ones now)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;outbox;list'= {
            cand --state 'Only messages in this state'
            cand --kind 'Only messages of this kind'
            cand --ticket 'Only messages about this ticket'
            cand --limit 'At most this many (newest first)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --all 'Every matching message'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;outbox;ls'= {
            cand --state 'Only messages in this state'
            cand --kind 'Only messages of this kind'
            cand --ticket 'Only messages about this ticket'
            cand --limit 'At most this many (newest first)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --all 'Every matching message'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;outbox;show'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;outbox;retry'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;outbox;help'= {
            cand list 'List outbound messages, newest first'
            cand show 'Show one outbound message and what it says'
            cand retry 'Queue dead messages again (or try pending ones now)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;outbox;help;list'= {
        }
        &'deskctl;outbox;help;show'= {
        }
        &'deskctl;outbox;help;retry'= {
        }
        &'deskctl;outbox;help;help'= {
        }
        &'deskctl;apply'= {
            cand -f 'The desk document, YAML (`-` for stdin)'
            cand --file 'The desk document, YAML (`-` for stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --dry-run 'Show the plan and apply nothing (exit 3 when there are changes)'
            cand --prune 'Also delete what the document''s sections do not list'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;diff'= {
            cand -f 'The desk document, YAML (`-` for stdin)'
            cand --file 'The desk document, YAML (`-` for stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --prune 'Also show what --prune would delete: what the document''s sections do not list'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;export'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;validate'= {
            cand -f 'The document to check (`-` reads stdin)'
            cand --file 'The document to check (`-` reads stdin)'
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --skip-secrets 'Do not resolve ${env:…} and ${file:…} secret references (when the secrets are not available where the check runs)'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;schema'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;mcp'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;completions'= {
            cand --context 'Use this context instead of the current one (`local` is the local desk)'
            cand --server 'Talk to the Desk service at this URL; the token comes from DESKCTL_TOKEN'
            cand --desk 'Use this local desk file instead of the default one'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use color'
            cand --no-input 'Never prompt: fail instead, naming the flag that answers the question'
            cand -y 'Answer yes to every confirmation'
            cand --yes 'Answer yes to every confirmation'
            cand -q 'Print only data and errors: no status lines or notes'
            cand --quiet 'Print only data and errors: no status lines or notes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'deskctl;help'= {
            cand serve 'Run the Desk service over HTTP'
            cand context 'Choose which Desk service the CLI talks to'
            cand operators 'Manage the people who work tickets'
            cand teams 'Manage teams of operators'
            cand tokens 'Manage API tokens'
            cand agents 'Manage the AI agents that hand conversations over'
            cand actions 'Configure each agent''s handover action (Escalate to Human)'
            cand assignment 'How new tickets are assigned, and the support inbox'
            cand hours 'Business hours'
            cand notifications 'Who is told when a customer asks for a human'
            cand fields 'Ticket fields, set from context keys'
            cand integrations 'Connections to external help desks, and deliveries of handoffs to them'
            cand rules 'Priority and assignment rules'
            cand tickets 'The ticket inbox: list, show, assign, reply, note, resolve'
            cand handoff 'Preview, send and inspect handoffs'
            cand email 'The SMTP server that emails customers and owners'
            cand delivery 'The AI agent platform''s webhook for live replies and takeovers'
            cand outbox 'Outbound messages: pending, delivered and dead, with their errors'
            cand apply 'Make the workspace match a desk document, in one transaction'
            cand diff 'Show what applying a desk document would change (exit 3 when something would)'
            cand export 'Write the workspace as a desk document that `apply` accepts unchanged'
            cand validate 'Check a workspace document offline, with the place of every problem'
            cand schema 'Print the JSON Schema of the workspace document'
            cand mcp 'Serve the AI copilot''s read-only tools over MCP on stdio'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskctl;help;serve'= {
        }
        &'deskctl;help;context'= {
            cand list 'List contexts; `*` marks the current one'
            cand show 'Show a context (default: the one commands use now)'
            cand use 'Make a context current (`local` for the local desk)'
            cand add 'Add a context for a Desk service; its token is read from stdin, DESKCTL_TOKEN or a prompt, never from the command line'
            cand remove 'Remove a context and its stored token'
        }
        &'deskctl;help;context;list'= {
        }
        &'deskctl;help;context;show'= {
        }
        &'deskctl;help;context;use'= {
        }
        &'deskctl;help;context;add'= {
        }
        &'deskctl;help;context;remove'= {
        }
        &'deskctl;help;operators'= {
            cand list 'List operators'
            cand show 'Show one operator'
            cand add 'Add an operator'
            cand set 'Change an operator'
            cand remove 'Remove an operator, with their team memberships and tokens'
            cand availability 'Set whether an operator takes new tickets'
        }
        &'deskctl;help;operators;list'= {
        }
        &'deskctl;help;operators;show'= {
        }
        &'deskctl;help;operators;add'= {
        }
        &'deskctl;help;operators;set'= {
        }
        &'deskctl;help;operators;remove'= {
        }
        &'deskctl;help;operators;availability'= {
        }
        &'deskctl;help;teams'= {
            cand list 'List teams'
            cand show 'Show one team'
            cand add 'Add a team (the first team becomes the default)'
            cand set 'Change a team, its members, or make it the default'
            cand remove 'Remove a team'
        }
        &'deskctl;help;teams;list'= {
        }
        &'deskctl;help;teams;show'= {
        }
        &'deskctl;help;teams;add'= {
        }
        &'deskctl;help;teams;set'= {
        }
        &'deskctl;help;teams;remove'= {
        }
        &'deskctl;help;tokens'= {
            cand list 'List tokens (never their secrets)'
            cand create 'Create a token and print its secret, once'
            cand revoke 'Revoke a token: requests with it fail from now on'
        }
        &'deskctl;help;tokens;list'= {
        }
        &'deskctl;help;tokens;create'= {
        }
        &'deskctl;help;tokens;revoke'= {
        }
        &'deskctl;help;agents'= {
            cand list 'List AI agents'
            cand show 'Show one AI agent'
            cand add 'Add an AI agent'
            cand set 'Rename an AI agent'
            cand remove 'Remove an AI agent and its handover action'
        }
        &'deskctl;help;agents;list'= {
        }
        &'deskctl;help;agents;show'= {
        }
        &'deskctl;help;agents;add'= {
        }
        &'deskctl;help;agents;set'= {
        }
        &'deskctl;help;agents;remove'= {
        }
        &'deskctl;help;actions'= {
            cand list 'List the agents'' handover actions'
            cand show 'Show an agent''s handover action'
            cand set 'Create or change an agent''s handover action'
            cand enable 'Enable an agent''s handover action'
            cand disable 'Disable an agent''s handover action'
            cand status 'Would the customer see the human button now (or at a moment), and if not why'
            cand remove 'Remove an agent''s handover action'
        }
        &'deskctl;help;actions;list'= {
        }
        &'deskctl;help;actions;show'= {
        }
        &'deskctl;help;actions;set'= {
        }
        &'deskctl;help;actions;enable'= {
        }
        &'deskctl;help;actions;disable'= {
        }
        &'deskctl;help;actions;status'= {
        }
        &'deskctl;help;actions;remove'= {
        }
        &'deskctl;help;assignment'= {
            cand show 'Show the assignment method and the support inbox'
            cand set 'Change the assignment method or the support inbox'
        }
        &'deskctl;help;assignment;show'= {
        }
        &'deskctl;help;assignment;set'= {
        }
        &'deskctl;help;hours'= {
            cand show 'Show the business hours'
            cand set 'Change the business hours'
            cand check 'Are we open now (or at a moment), and when does that change'
        }
        &'deskctl;help;hours;show'= {
        }
        &'deskctl;help;hours;set'= {
        }
        &'deskctl;help;hours;check'= {
        }
        &'deskctl;help;notifications'= {
            cand show 'Show the notification settings'
            cand set 'Change the notification settings'
        }
        &'deskctl;help;notifications;show'= {
        }
        &'deskctl;help;notifications;set'= {
        }
        &'deskctl;help;fields'= {
            cand list 'List ticket fields'
            cand show 'Show one ticket field'
            cand add 'Add a ticket field'
            cand set 'Rename a field or replace a dropdown''s options'
            cand remove 'Remove a ticket field'
        }
        &'deskctl;help;fields;list'= {
        }
        &'deskctl;help;fields;show'= {
        }
        &'deskctl;help;fields;add'= {
        }
        &'deskctl;help;fields;set'= {
        }
        &'deskctl;help;fields;remove'= {
        }
        &'deskctl;help;integrations'= {
            cand list 'List the connected integrations with their status and last test'
            cand show 'Show one integration, the settings its kind takes, and its webhook URL'
            cand connect 'Connect an integration, or change its settings; then test it'
            cand test 'Test a connection: the platform''s cheap authenticated call and its prerequisites'
            cand disconnect 'Disconnect an integration no handover action uses'
            cand deliveries 'Deliveries of handoffs to external platforms: state, attempts, last error'
            cand retry 'Queue dead deliveries again (or try pending ones now)'
        }
        &'deskctl;help;integrations;list'= {
        }
        &'deskctl;help;integrations;show'= {
        }
        &'deskctl;help;integrations;connect'= {
        }
        &'deskctl;help;integrations;test'= {
        }
        &'deskctl;help;integrations;disconnect'= {
        }
        &'deskctl;help;integrations;deliveries'= {
        }
        &'deskctl;help;integrations;retry'= {
        }
        &'deskctl;help;rules'= {
            cand list 'List rules in the order they are tried'
            cand add 'Add a rule'
            cand remove 'Remove a rule'
            cand move 'Move a rule to another position in its list'
        }
        &'deskctl;help;rules;list'= {
        }
        &'deskctl;help;rules;add'= {
        }
        &'deskctl;help;rules;remove'= {
        }
        &'deskctl;help;rules;move'= {
        }
        &'deskctl;help;tickets'= {
            cand list 'List tickets in a view, filtered; newest activity first'
            cand show 'Show a ticket and its whole timeline'
            cand assign 'Assign tickets to an operator'
            cand unassign 'Unassign tickets'
            cand take 'Take unassigned tickets: assign them to yourself'
            cand priority 'Set a ticket''s priority'
            cand note 'Add an internal note (never shown to the customer)'
            cand reply 'Reply to the customer, on the right channel'
            cand takeover 'Take the conversation over from the AI, which stops answering'
            cand resolve 'Resolve tickets'
            cand reopen 'Reopen resolved tickets'
            cand triage 'Walk unassigned (or a view''s) tickets one at a time, interactively'
        }
        &'deskctl;help;tickets;list'= {
        }
        &'deskctl;help;tickets;show'= {
        }
        &'deskctl;help;tickets;assign'= {
        }
        &'deskctl;help;tickets;unassign'= {
        }
        &'deskctl;help;tickets;take'= {
        }
        &'deskctl;help;tickets;priority'= {
        }
        &'deskctl;help;tickets;note'= {
        }
        &'deskctl;help;tickets;reply'= {
        }
        &'deskctl;help;tickets;takeover'= {
        }
        &'deskctl;help;tickets;resolve'= {
        }
        &'deskctl;help;tickets;reopen'= {
        }
        &'deskctl;help;tickets;triage'= {
        }
        &'deskctl;help;handoff'= {
            cand preview 'Show what a handoff would do, storing nothing (a dry run of the real pipeline)'
            cand send 'Send a handoff for real, to test a setup end to end'
            cand list 'List recorded handoffs, newest first'
            cand show 'Show a recorded handoff and its decision'
        }
        &'deskctl;help;handoff;preview'= {
        }
        &'deskctl;help;handoff;send'= {
        }
        &'deskctl;help;handoff;list'= {
        }
        &'deskctl;help;handoff;show'= {
        }
        &'deskctl;help;email'= {
            cand show 'Show the SMTP server settings (the password only as set or not)'
            cand set 'Change the SMTP server settings'
        }
        &'deskctl;help;email;show'= {
        }
        &'deskctl;help;email;set'= {
        }
        &'deskctl;help;delivery'= {
            cand show 'Show the delivery webhook (the secret only as set or not)'
            cand set 'Change the delivery webhook or its signing secret'
        }
        &'deskctl;help;delivery;show'= {
        }
        &'deskctl;help;delivery;set'= {
        }
        &'deskctl;help;outbox'= {
            cand list 'List outbound messages, newest first'
            cand show 'Show one outbound message and what it says'
            cand retry 'Queue dead messages again (or try pending ones now)'
        }
        &'deskctl;help;outbox;list'= {
        }
        &'deskctl;help;outbox;show'= {
        }
        &'deskctl;help;outbox;retry'= {
        }
        &'deskctl;help;apply'= {
        }
        &'deskctl;help;diff'= {
        }
        &'deskctl;help;export'= {
        }
        &'deskctl;help;validate'= {
        }
        &'deskctl;help;schema'= {
        }
        &'deskctl;help;mcp'= {
        }
        &'deskctl;help;completions'= {
        }
        &'deskctl;help;help'= {
        }
    ]
    $completions[$command]
}
