using Orleans.Configuration;

namespace GongGrid.Silo.Hosting;

/// <summary>
/// How quickly a cluster declares a silo dead, tuned for a silo killed during the 22:00 burst on a small machine.
/// Orleans's defaults (a probe every 5 s, 3 missed, 2 votes) take about 13 s to declare a killed silo dead (measured
/// here, two silos), while the devices of its communes wait. Tighter probes alone bring false deaths when a national
/// burst loads two cores: a busy silo answers a probe late. So only the probe period and the miss count are tightened,
/// and the guards against load stay on:
/// <list type="bullet">
/// <item>ProbeTimeout 1.5 s, NumMissedProbesLimit 2: a silo that stopped answering is suspected after about 3 s.</item>
/// <item>NumVotesForDeathDeclaration stays 2 and indirect probes stay on: the suspecting silo asks another silo to
/// probe too, and only when that probe also fails is the suspect declared dead, so one overloaded prober (whose own
/// messages queue) cannot evict a healthy silo on its own word. Orleans lowers the votes needed when fewer silos are
/// active.</item>
/// <item>ExtendProbeTimeoutDuringDegradation stays on: a prober whose own health degrades (thread-pool stalls, late
/// timers) waits longer before it suspects anyone.</item>
/// <item>IAmAliveTablePublishTimeout 10 s (30 s by default): silos that stopped writing their heartbeat count as stale
/// sooner, so a dead silo's vote no longer counts in how many votes an eviction needs.</item>
/// </list>
/// </summary>
public static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = TimeSpan.FromSeconds(1.5);
        membership.NumMissedProbesLimit = 2;
        membership.NumVotesForDeathDeclaration = 2;
        membership.EnableIndirectProbes = true;
        membership.ExtendProbeTimeoutDuringDegradation = true;
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
