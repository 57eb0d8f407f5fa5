using GongGrid.Api.V1;
using GongGrid.Testing;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using Grpc.Core;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SpeakerCommandsAcrossSilosTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] Speakers = [.. SpeakerBridge.Villages.Select(village => $"{village}/speaker-1")];

    [Fact]
    public async Task Sounding_the_alarm_through_one_silo_reaches_the_speakers_whose_bridge_is_connected_to_another()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 2, new SiloLaunch { Settings = SpeakerBridge.Token });
        var (asked, holding) = (cluster.Silos[0], cluster.Silos[1]);
        await using var bridge = await SpeakerBridge.ConnectAsync(holding);

        var reply = await Eventually.Until(() => SoundAsync(asked), sounded => sounded?.CommandsSent == Speakers.Length, Patience);
        var commands = await bridge.CommandsAsync(Speakers.Length);

        Assert.True(reply is { Speakers: 7, CommandsSent: 7, UnreachableVillages.Count: 0 }, $"asked {asked.Name} with the bridge on {holding.Name}: {reply}");
        Assert.Equal(Speakers.Order(), commands.Select(command => command.DeviceKey).Distinct().Order());
        Assert.All(commands, command => Assert.Equal((PlaybackProgram.Alarm, AlarmKind.Flood), (command.Play.Program, command.Play.AlarmKind)));
    }

    [Fact]
    public async Task Once_the_silo_holding_the_bridge_is_killed_its_villages_are_unreachable_until_the_bridge_reconnects_to_another_silo()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3, new SiloLaunch { Settings = SpeakerBridge.Token });
        var (asked, holding, next) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var first = await SpeakerBridge.ConnectAsync(holding);
        var before = await Eventually.Until(() => SoundAsync(asked), sounded => sounded?.CommandsSent == Speakers.Length, Patience);
        Assert.True(before?.CommandsSent == Speakers.Length, $"asked {asked.Name} with the bridge on {holding.Name}: {before}");

        await holding.Process.KillAsync();
        await first.DisposeAsync();
        var orphaned = await Eventually.Until(() => SoundAsync(asked), sounded => sounded?.CommandsSent == 0, Patience);
        await using var bridge = await SpeakerBridge.ConnectAsync(next);
        var after = await Eventually.Until(() => SoundAsync(asked), sounded => sounded?.CommandsSent == Speakers.Length, Patience);
        var commands = await bridge.CommandsAsync(Speakers.Length);

        Assert.True(orphaned is { CommandsSent: 0, UnreachableVillages.Count: 7 }, $"with {holding.Name} killed and no bridge connected: {orphaned}");
        Assert.True(after is { Speakers: 7, CommandsSent: 7, UnreachableVillages.Count: 0 }, $"asked {asked.Name} with the bridge now on {next.Name}: {after}");
        Assert.Equal(Speakers.Order(), commands.Select(command => command.DeviceKey).Distinct().Order());
    }

    /// <summary>The reply; null while the cluster cannot answer (a silo just died and its grains are not yet placed again).</summary>
    private static async Task<SoundAlarmReply?> SoundAsync(ClusterSilo silo)
    {
        try
        {
            return await new AlarmService.AlarmServiceClient(silo.Channel).SoundAlarmOnSpeakersAsync(
                new SoundAlarmRequest { CommuneKey = SpeakerBridge.CaoThinh, Kind = AlarmKind.Flood }, ClusterSilo.Police());
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            await Task.Delay(500);
            return null;
        }
    }
}
