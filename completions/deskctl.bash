
_clap_complete_deskctl() {
    local IFS=$'\013'
    local _CLAP_COMPLETE_COMP_TYPE=${COMP_TYPE}
    if compopt +o nospace 2> /dev/null; then
        local _CLAP_COMPLETE_SPACE=false
    else
        local _CLAP_COMPLETE_SPACE=true
    fi
    local words=() _deskctl_rest="${COMP_LINE:0:COMP_POINT}" _deskctl_i _deskctl_word _deskctl_space
    for ((_deskctl_i = 0; _deskctl_i <= COMP_CWORD; _deskctl_i++)); do
        _deskctl_word="${COMP_WORDS[_deskctl_i]}"
        _deskctl_space="${_deskctl_rest%%[![:space:]]*}"
        _deskctl_rest="${_deskctl_rest#"$_deskctl_space"}"
        if ((_deskctl_i == COMP_CWORD)); then
            _deskctl_word="$_deskctl_rest"
        fi
        if ((_deskctl_i > 0)) && [[ -z "$_deskctl_space" ]]; then
            words[${#words[@]}-1]+="$_deskctl_word"
        else
            words+=("$_deskctl_word")
        fi
        _deskctl_rest="${_deskctl_rest#"$_deskctl_word"}"
    done
    local _CLAP_COMPLETE_INDEX=$(( ${#words[@]} - 1 ))
    local _deskctl_kept="${words[_CLAP_COMPLETE_INDEX]}"
    _deskctl_kept="${_deskctl_kept%"$2"}"
    COMPREPLY=( $( \
        _CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$_CLAP_COMPLETE_INDEX" \
        _CLAP_COMPLETE_COMP_TYPE="$_CLAP_COMPLETE_COMP_TYPE" \
        _CLAP_COMPLETE_SPACE="$_CLAP_COMPLETE_SPACE" \
        COMPLETE="bash" \
        "deskctl" -- "${words[@]}" \
    ) )
    if [[ $? != 0 ]]; then
        unset COMPREPLY
        return
    fi
    if [[ -n "$_deskctl_kept" ]]; then
        COMPREPLY=("${COMPREPLY[@]#"$_deskctl_kept"}")
    fi
    if [[ $_CLAP_COMPLETE_SPACE == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -o nospace -o bashdefault -o nosort -F _clap_complete_deskctl deskctl
else
    complete -o nospace -o bashdefault -F _clap_complete_deskctl deskctl
fi

