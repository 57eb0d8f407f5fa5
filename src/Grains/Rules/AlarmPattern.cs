using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Rules;

/// <summary>
/// Recognises the alarm signal: <see cref="SignalSettings.AlarmGroupStrikes"/> strikes in rapid succession,
/// repeated. A group is a maximal run of strikes each under <see cref="SignalSettings.AlarmStrikeMaxGap"/> apart;
/// it is an alarm group when it has exactly <see cref="SignalSettings.AlarmGroupStrikes"/> strikes. An alarm is at
/// least <see cref="SignalSettings.AlarmMinGroups"/> consecutive alarm groups, each starting at most
/// <see cref="SignalSettings.AlarmGroupMaxGap"/> after the previous group's last strike.
/// </summary>
public static class AlarmPattern
{
    /// <summary>
    /// Finds the alarm bursts among a village's strikes (any order). Only strikes of groups that form a burst are
    /// set aside: a lone group of 3 rapid strikes is no alarm and may be a peace round where three strikes are the
    /// local practice, so it stays with the other strikes.
    /// </summary>
    public static AlarmScan Find(IEnumerable<DateTimeOffset> strikes, SignalSettings settings)
    {
        var sorted = strikes.ToArray();
        Array.Sort(sorted);
        var bursts = new List<AlarmBurst>();
        var alarmStrikes = new List<DateTimeOffset>();
        var otherStrikes = new List<DateTimeOffset>(sorted.Length);
        // Groups are ranges of the sorted strikes; a chain is consecutive alarm groups, from its first strike.
        var (chainStart, chainGroups, chainEnd) = (0, 0, 0);

        void EndChain()
        {
            if (chainGroups == 0)
            {
                return;
            }

            var chain = sorted.AsSpan(chainStart, chainEnd - chainStart);
            if (chainGroups >= settings.AlarmMinGroups)
            {
                bursts.Add(new AlarmBurst(chain[0], chain[^1], chainGroups));
                alarmStrikes.AddRange(chain);
            }
            else
            {
                otherStrikes.AddRange(chain);
            }

            chainGroups = 0;
        }

        foreach (var group in Groups(sorted, settings.AlarmStrikeMaxGap))
        {
            var isAlarmGroup = group.Length == settings.AlarmGroupStrikes;
            var continuesChain = isAlarmGroup && chainGroups > 0 && sorted[group.Start] - sorted[chainEnd - 1] <= settings.AlarmGroupMaxGap;
            if (!continuesChain)
            {
                EndChain();
            }

            if (isAlarmGroup)
            {
                chainStart = chainGroups == 0 ? group.Start : chainStart;
                chainGroups++;
                chainEnd = group.Start + group.Length;
            }
            else
            {
                otherStrikes.AddRange(sorted.AsSpan(group.Start, group.Length));
            }
        }

        EndChain();
        return new AlarmScan(bursts, alarmStrikes, otherStrikes);
    }

    /// <summary>Maximal runs of sorted strikes each under <paramref name="maxGap"/> apart, as (start, length).</summary>
    private static IEnumerable<(int Start, int Length)> Groups(DateTimeOffset[] sorted, TimeSpan maxGap)
    {
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] - sorted[i - 1] >= maxGap)
            {
                yield return (start, i - start);
                start = i;
            }
        }
    }
}
