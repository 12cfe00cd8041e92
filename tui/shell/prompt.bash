# No Contact Coach: the prompt segment (`nocontact shell-init bash`).
# Drawn from a small status file with bash builtins only: no process starts at a prompt.
__nocontact_segment() {
    # $1: the epoch seconds to draw for (default: now), so a test can pin the clock.
    local last=$? now=${1:-} file format= shown= start= mood= mood_day= checkin= offset=
    local hms= since_midnight=0 today=0 segment= part= diff=0
    NOCONTACT_SEGMENT=
    file=@FIXED_DIR@
    [[ -n $file ]] || file=${NOCONTACT_DATA_DIR-}
    [[ -n $file ]] || file=@DEFAULT_DIR@
    file=$file/prompt-status
    if [[ -f $file && -r $file ]]; then
        IFS=' ' read -r format shown start mood mood_day checkin offset < "$file"
    fi
    if [[ $format != 1 ]]; then return "$last"; fi
    # Digits and "-" only, or nothing is drawn: nothing read here can run as code.
    part="$start$mood$mood_day$checkin$offset"
    if [[ -z $offset || $part == *[!0-9-]* ]]; then return "$last"; fi
    if [[ -n ${__nocontact_clock_start-} ]]; then
        # Old bash: the clock read once when this was loaded, and the offset the app saved.
        if [[ -z $now ]]; then now=$((__nocontact_clock_start + SECONDS)); fi
        since_midnight=$(((now + offset) % 86400))
    else
        if [[ -z $now ]]; then now=${EPOCHSECONDS-}; fi
        if [[ -z $now ]]; then printf -v now '%(%s)T' -1; fi
        printf -v hms '%(%H%M%S)T' "$now"
        since_midnight=$((10#${hms:0:2} * 3600 + 10#${hms:2:2} * 60 + 10#${hms:4:2}))
    fi
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
        NOCONTACT_SEGMENT=$'\001\e[36m\002'"$segment"$'\001\e[39m\002 '
    fi
    return "$last"
}
if ((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] < 402)); then
    # bash before 4.2 (macOS's /bin/bash is 3.2) has no clock builtin. SECONDS counts wall
    # time since the shell began, so one `date` now, as the shell starts, serves every prompt.
    __nocontact_clock_start=$(($(date +%s) - SECONDS))
fi
if [[ ${PROMPT_COMMAND-} != *__nocontact_segment* ]]; then
    PROMPT_COMMAND="__nocontact_segment${PROMPT_COMMAND:+; $PROMPT_COMMAND}"
fi
if [[ $PS1 != *NOCONTACT_SEGMENT* ]]; then
    PS1='${NOCONTACT_SEGMENT}'$PS1
fi
