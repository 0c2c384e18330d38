complete --keep-order --exclusive --command deskctl --arguments "(COMPLETE=fish deskctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
