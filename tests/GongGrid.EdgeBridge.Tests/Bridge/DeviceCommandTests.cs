using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using GongGrid.Api.V1;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// Police sound the alarm on a commune's smart speakers; the command travels down the bridge's ingest stream and
/// the bridge publishes it to the speaker's …/cmd topic in the JSON of docs/mqtt.md.
/// </summary>
public sealed class DeviceCommandTests(ITestOutputHelper output)
{
    private const string Commune = "ngoc-lac/cao-thinh";
    private const string Village = "ngoc-lac/cao-thinh/ban-rich";

    [Fact]
    public async Task Sounding_the_alarm_on_a_communes_speakers_publishes_the_documented_command_to_the_speaker_of_the_bridges_village()
    {
        await using var rig = await BridgeRig.StartAsync([Village], logPackets: true);
        var bridge = await rig.StartConnectedAsync();
        using var speaker = new MqttClientFactory().CreateMqttClient();
        var heard = Channel.CreateUnbounded<MqttApplicationMessage>();
        speaker.ApplicationMessageReceivedAsync += received => heard.Writer.WriteAsync(received.ApplicationMessage).AsTask();
        await speaker.ConnectAsync(new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V311).WithTcpServer(rig.Broker.Host, rig.Broker.Port).WithClientId("speakers").Build());
        await speaker.SubscribeAsync("gonggrid/v1/+/+/+/+/cmd", MqttQualityOfServiceLevel.AtLeastOnce);

        // The link metric goes up as the bridge opens its stream; the grid registers the bridge when the stream
        // reaches it. Until then nothing is sent, so asking again sends no second command.
        var reply = await SoundAlarmAsync(rig.Silo, TimeSpan.FromSeconds(20));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        MqttApplicationMessage command;
        try
        {
            command = await heard.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No command reached the speakers' subscriber in 20 s; the grid answered {reply}\n{rig.Describe()}");
        }
        // The broker hands the command to the bridge too (it subscribes to its village's topics); once the bridge
        // acknowledged that copy, it has dealt with it.
        var echoAcknowledged = await rig.PubacksFromBridgeWhenAsync(1, TimeSpan.FromSeconds(10));
        var page = await bridge.MetricsUntilAsync(page => page.Commands == 1, "the bridge counted its command", TimeSpan.FromSeconds(10));

        var json = System.Text.Encoding.UTF8.GetString(command.Payload.ToArray());
        output.WriteLine($"reply: {reply}; received on {command.Topic} (QoS {(int)command.QualityOfServiceLevel}): {json}; bridge: {page}");
        Assert.Equal(7, reply.Speakers);
        Assert.Equal(1, reply.CommandsSent);
        Assert.Equal(6, reply.UnreachableVillages.Count);
        Assert.DoesNotContain(Village, reply.UnreachableVillages);
        Assert.Equal($"gonggrid/v1/{Village}/speaker-1/cmd", command.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, command.QualityOfServiceLevel);
        using var document = JsonDocument.Parse(command.Payload.ToArray());
        var root = document.RootElement;
        Assert.Equal(["commandId", "play"], root.EnumerateObject().Select(property => property.Name));
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("commandId").GetString());
        var play = root.GetProperty("play");
        Assert.Equal(["program", "alarmKind"], play.EnumerateObject().Select(property => property.Name));
        Assert.Equal("alarm", play.GetProperty("program").GetString());
        Assert.Equal("flood", play.GetProperty("alarmKind").GetString());
        // The bridge hears its own command on its village's topics: that is no bad device message.
        Assert.Equal(1, echoAcknowledged);
        Assert.Empty(page.Rejected);
        Assert.Equal(0, page.Received);
    }

    private static async Task<SoundAlarmReply> SoundAlarmAsync(GridSilo silo, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var reply = await silo.Alarms.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = Commune, Kind = AlarmKind.Flood }, GridSilo.Police);
            if (reply.CommandsSent > 0 || DateTime.UtcNow > deadline)
            {
                return reply;
            }
            await Task.Delay(100);
        }
    }
}
