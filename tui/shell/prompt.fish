# No Contact Coach: the prompt segment (`nocontact shell-init fish`).
# Drawn from a small status file with fish builtins only: no process starts at a prompt.
# fish has no builtin clock in local time: `path mtime` gives the time now, and the local
# time of day comes from the UTC offset the app saved, so for a day after a clock change
# (summer time) the check-in may come an hour early or late until the next thing is saved.
function __nocontact_segment --argument-names now
    # now: the epoch seconds to draw for (default: now), so a test can pin the clock.
    # Every (...) here costs fish about 0.1 ms though it starts no process: few are used.
    set -g NOCONTACT_SEGMENT ''
    set -l dir @FIXED_DIR@
    test -n "$dir"; or set dir "$NOCONTACT_DATA_DIR"
    test -n "$dir"; or set dir @DEFAULT_DIR@
    set -l file $dir/prompt-status
    test -f $file -a -r $file; or return
    read -l line <$file; or return
    # One regex checks every field and splits them: start, mood, mood day, check-in, offset.
    set -l fields (string match -r --groups-only \
        '^1 [dm-]+ (-|-?[0-9]{1,12}) (-|[0-9]{1,2}) (-|-?[0-9]{1,12}) (-|[0-9]{1,5}) (-?[0-9]{1,6}) *$' \
        -- $line)
    set -q fields[5]; or return
    if test -z "$now"
        set -l written (path mtime $file)
        set -l age (path mtime --relative $file)
        set now "$written + $age"
    end
    set -l since_midnight (math "($now + $fields[5]) % 86400")
    set -l today "$now - $since_midnight"
    set -l segment
    if test $fields[1] != -
        # Rounded to whole days: a day with a clock change is 23 or 25 hours long.
        set -l days (math "floor(($today - $fields[1] + 43200) / 86400)")
        test $days -ge 0; and set segment @DAY@" $days"
    end
    if test $fields[2] != -
        test -n "$segment"; and set segment "$segment"@SEPARATOR@
        set segment "$segment"@MOOD@" $fields[2]"
    end
    if test $fields[4] != -; and test $since_midnight -ge $fields[4]
        if test $fields[3] = -; or test (math "abs($today - $fields[3])") -ge 43200
            test -n "$segment"; and set segment "$segment"@SEPARATOR@
            set segment "$segment"@ASK@
        end
    end
    if test -n "$segment"; and set -q NO_COLOR; and test -n "$NO_COLOR"
        set -g NOCONTACT_SEGMENT "$segment "
    else if test -n "$segment"
        set -g NOCONTACT_SEGMENT "$__nocontact_colour$segment$__nocontact_plain "
    end
end
# Worked out once here rather than at every prompt.
set -g __nocontact_colour (set_color cyan)
set -g __nocontact_plain (set_color normal)
function __nocontact_return --argument-names code
    return $code
end
if functions fish_prompt 2>/dev/null | string match -q '*NOCONTACT_SEGMENT*'
    # The prompt places $NOCONTACT_SEGMENT itself: only keep it up to date, before each prompt.
    function __nocontact_before_prompt --on-event fish_prompt
        __nocontact_segment
    end
else if not functions -q __nocontact_prompt_before
    # The prompt as it was, drawn after the segment with the last command's status intact.
    functions -c fish_prompt __nocontact_prompt_before 2>/dev/null
    or function __nocontact_prompt_before
        printf '> '
    end
    function fish_prompt
        set -l last $status
        __nocontact_segment
        printf '%s' $NOCONTACT_SEGMENT
        __nocontact_return $last
        __nocontact_prompt_before
    end
end
