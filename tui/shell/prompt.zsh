# No Contact Coach: the prompt segment (`nocontact shell-init zsh`).
# Drawn from a small status file with zsh builtins and the zsh/datetime module only:
# no process starts at a prompt.
zmodload zsh/datetime
__nocontact_segment() {
    # $1: the epoch seconds to draw for (default: now), so a test can pin the clock.
    local last=$? now=${1:-$EPOCHSECONDS} file format= shown= start= mood= mood_day= checkin= offset=
    local hms= segment= part=
    local -i since_midnight=0 today=0 diff=0
    NOCONTACT_SEGMENT=
    file=@FIXED_DIR@
    [[ -n $file ]] || file=${NOCONTACT_DATA_DIR-}
    [[ -n $file ]] || file=@DEFAULT_DIR@
    file=$file/prompt-status
    if [[ -f $file && -r $file ]]; then
        IFS=' ' read -r format shown start mood mood_day checkin offset < "$file"
    fi
    if [[ $format != 1 ]]; then return $last; fi
    # Digits and "-" only, or nothing is drawn: nothing read here can run as code.
    part="$start$mood$mood_day$checkin$offset"
    if [[ -z $offset || $part == *[^0-9-]* ]]; then return $last; fi
    strftime -s hms '%H%M%S' $now
    since_midnight=$((10#${hms[1,2]} * 3600 + 10#${hms[3,4]} * 60 + 10#${hms[5,6]}))
    today=$((now - since_midnight))
    if [[ $start != - ]]; then
        diff=$((today - start))
        # Rounded to whole days: a day with a clock change is 23 or 25 hours long.
        if ((diff >= -43200)); then segment=@DAY@" $(((diff + 43200) / 86400))"; fi
    fi
    if [[ $mood != - ]]; then segment+=${segment:+@SEPARATOR@}@MOOD@" $mood"; fi
    if [[ $checkin != - ]] && ((since_midnight >= checkin)); then
        if [[ $mood_day == - ]] || ((today - mood_day >= 43200 || mood_day - today >= 43200)); then
            segment+=${segment:+@SEPARATOR@}@ASK@
        fi
    fi
    if [[ -n $segment && -n ${NO_COLOR-} ]]; then
        NOCONTACT_SEGMENT="$segment "
    elif [[ -n $segment ]]; then
        NOCONTACT_SEGMENT="%F{cyan}$segment%f "
    fi
    return $last
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __nocontact_segment
setopt prompt_subst
if [[ $PROMPT != *NOCONTACT_SEGMENT* ]]; then
    PROMPT='${NOCONTACT_SEGMENT}'$PROMPT
fi
