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
        var groups = Groups(strikes.Order().ToArray(), settings.AlarmStrikeMaxGap);
        var bursts = new List<AlarmBurst>();
        var alarmStrikes = new List<DateTimeOffset>();
        var otherStrikes = new List<DateTimeOffset>();
        var chain = new List<DateTimeOffset[]>();

        void EndChain()
        {
            if (chain.Count >= settings.AlarmMinGroups)
            {
                bursts.Add(new AlarmBurst(chain[0][0], chain[^1][^1], chain.Count));
                alarmStrikes.AddRange(chain.SelectMany(group => group));
            }
            else
            {
                otherStrikes.AddRange(chain.SelectMany(group => group));
            }

            chain.Clear();
        }

        foreach (var group in groups)
        {
            var isAlarmGroup = group.Length == settings.AlarmGroupStrikes;
            var continuesChain = isAlarmGroup && chain.Count > 0 && group[0] - chain[^1][^1] <= settings.AlarmGroupMaxGap;
            if (!continuesChain)
            {
                EndChain();
            }

            if (isAlarmGroup)
            {
                chain.Add(group);
            }
            else
            {
                otherStrikes.AddRange(group);
            }
        }

        EndChain();
        return new AlarmScan(bursts, alarmStrikes, otherStrikes);
    }

    private static List<DateTimeOffset[]> Groups(DateTimeOffset[] sorted, TimeSpan maxGap)
    {
        var groups = new List<DateTimeOffset[]>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] - sorted[i - 1] >= maxGap)
            {
                groups.Add(sorted[start..i]);
                start = i;
            }
        }

        return groups;
    }
}
