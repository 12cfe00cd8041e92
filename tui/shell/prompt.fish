# No Contact Coach: the prompt segment (`nocontact shell-init fish`).
# Drawn from a small status file with fish builtins only: no process starts at a prompt.
# fish has no builtin clock in local time: `path mtime` gives the time now, and the local
# time of day comes from the UTC offset the app saved, so for a day after a clock change
# (summer time) the check-in may come an hour early or late until the next thing is saved.
function __nocontact_segment --argument-names now
    # now: the epoch seconds to draw for (default: now), so a test can pin the clock.
    set -g NOCONTACT_SEGMENT ''
    set -l dir @FIXED_DIR@
    test -n "$dir"; or set dir "$NOCONTACT_DATA_DIR"
    test -n "$dir"; or set dir @DEFAULT_DIR@
    set -l file $dir/prompt-status
    test -r $file; or return
    read -l format start mood mood_day checkin offset <$file; or return
    test "$format" = 1; or return
    for part in $start $mood $mood_day $checkin $offset
        string match -qr '^(-|-?[0-9]{1,12})$' -- $part; or return
    end
    if test -z "$now"
        set now (math (path mtime $file) + (path mtime --relative $file))
    end
    set -l since_midnight (math "($now + $offset) % 86400")
    set -l today (math $now - $since_midnight)
    set -l parts
    if test $start != -
        set -l diff (math $today - $start)
        # Rounded to whole days: a day with a clock change is 23 or 25 hours long.
        if test $diff -ge -43200
            set -a parts @DAY@" "(math "floor(($diff + 43200) / 86400)")
        end
    end
    test $mood != -; and set -a parts @MOOD@" $mood"
    if test $checkin != -; and test $since_midnight -ge (math $checkin \* 60)
        if test $mood_day = -; or test (math "abs($today - $mood_day)") -ge 43200
            set -a parts @ASK@
        end
    end
    set -l segment (string join @SEPARATOR@ $parts)
    if test -n "$segment"; and set -q NO_COLOR; and test -n "$NO_COLOR"
        set -g NOCONTACT_SEGMENT "$segment "
    else if test -n "$segment"
        set -g NOCONTACT_SEGMENT (set_color cyan)"$segment"(set_color normal)" "
    end
end
function __nocontact_return --argument-names code
    return $code
end
if not functions -q __nocontact_prompt_before
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
