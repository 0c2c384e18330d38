
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
        &'deskctl;help;completions'= {
        }
        &'deskctl;help;help'= {
        }
    ]
    $completions[$command]
}
