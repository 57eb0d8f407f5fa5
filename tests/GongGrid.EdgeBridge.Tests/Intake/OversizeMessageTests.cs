using System.Text.RegularExpressions;
using GongGrid.EdgeBridge.Devices;
using GongGrid.EdgeBridge.Tests.Bridge;
using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Processes;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Tests.Intake;

/// <summary>
/// Regression for "one PUBLISH over 256 KiB wedges the bridge for good" (issue 14, item 1): the old client dropped its
/// connection on such a packet, the broker redelivered it at every reconnect, and nothing behind it got through.
/// </summary>
public sealed partial class OversizeMessageTests
{
    private const string Village = "ngoc-lac/ngoc-lien/phu-thuong";

    [Fact]
    public async Task A_300_KB_publish_is_acknowledged_counted_as_a_bad_payload_and_logged_and_the_event_behind_it_is_journaled()
    {
        // A broker without the village configuration's size limit passes the message on to the bridge.
        await using var rig = await IntakeRig.StartAsync(new MosquittoOptions { MessageSizeLimit = 0, LogPackets = true });
        await using (var device = await DevicePublisher.ConnectAsync(rig.Broker.Port, "gong-1"))
        {
            await device.PublishAsync([Oversize(), .. Strikes.InVillage(Village, ["gong-1"], 1, "after-oversize")], chunk: 1);
        }

        await rig.UntilAsync(() => rig.Metrics.Journaled == 1, "the strike behind the oversize message is journaled");
        await rig.UntilAsync(() => PubackFromBridge().Count(rig.Broker.Log) == 2, "the broker has both acknowledgements");

        Assert.Equal(2, rig.Metrics.Received);
        Assert.Equal(1, rig.Metrics.Rejected.GetValueOrDefault("payload"));
        Assert.Contains(rig.Log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("exceeds 4096", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_village_broker_acknowledges_and_drops_a_publish_over_its_size_limit_so_it_never_reaches_the_bridge()
    {
        await using var rig = await IntakeRig.StartAsync(new MosquittoOptions { MessageSizeLimit = ShippedMessageSizeLimit() });
        await using (var device = await DevicePublisher.ConnectAsync(rig.Broker.Port, "gong-1"))
        {
            await device.PublishAsync([Oversize(), .. Strikes.InVillage(Village, ["gong-1"], 1, "after-oversize")], chunk: 1);
            Assert.Equal(2, device.Acknowledged);
        }

        await rig.UntilAsync(() => rig.Metrics.Journaled == 1, "the strike behind the oversize message is journaled");

        Assert.Equal(1, rig.Metrics.Received);
        Assert.Empty(rig.Metrics.Rejected);
    }

    /// <summary>The <c>message_size_limit</c> of the village broker configuration shipped in deploy/mosquitto.</summary>
    private static int ShippedMessageSizeLimit()
    {
        var setting = File.ReadLines(ProjectOutput.RepositoryFile("deploy/mosquitto/mosquitto.conf"))
            .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SingleOrDefault(words => words is ["message_size_limit", _]);
        Assert.True(setting is not null, "deploy/mosquitto/mosquitto.conf sets no message_size_limit");
        var limit = int.Parse(setting[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(limit, DevicePayload.MaxBytes, 256 * 1024);
        return limit;
    }

    /// <summary>A heartbeat padded to 300 KB, over the 256 KiB that wedged the old client.</summary>
    private static DeviceMessage Oversize() => DeviceMessage.Json(
        $"gonggrid/v1/{Village}/gong-1/heartbeat",
        $$"""{"eventId":"hb-oversize","time":"{{TonightInTheTests.DeviceTime(TimeSpan.Zero)}}","seq":1,"padding":"{{new string('x', 300_000)}}"}""");

    [GeneratedRegex("Received PUBACK from bridge-ngoc-lac ")]
    private static partial Regex PubackFromBridge();
}
