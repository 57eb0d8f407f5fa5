using System.Globalization;
using System.Text.Json;
using GongGrid.Api.V1;
using GongGrid.Interop.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;
using GongGrid.Silo.Api.Security;
using GongGrid.Testing;
using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Processes;
using Xunit.Abstractions;

namespace GongGrid.Interop.Tests;

/// <summary>
/// mqtt.js, an MQTT client we did not write, as the devices of docs/mqtt.md: a real mosquitto, two edge bridge
/// executables (Phú Thượng's gong and alarm button; Bản Rịch's speaker in Cao Thịnh) and the silo executable. The
/// devices' side is tests/interop/mqtt-devices.mjs; what the grid made of it is read back through the gRPC API and
/// the bridge's /metrics.
/// </summary>
public sealed class MqttJsDevicesInteropTests(ITestOutputHelper output)
{
    private const string District = "ngoc-lac";
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const string Village = "ngoc-lac/ngoc-lien/phu-thuong";
    private const string SpeakerCommune = "ngoc-lac/cao-thinh";
    private const string SpeakerVillage = "ngoc-lac/cao-thinh/ban-rich";
    private const string Speaker = SpeakerVillage + "/speaker-1";

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly (string Variable, CallerRole Role, string Scope)[] Holders =
    [
        ("GONGGRID_DISTRICT_TOKEN", CallerRole.DistrictPolice, District),
        ("GONGGRID_BRIDGE_TOKEN", CallerRole.EdgeBridge, Village),
        ("GONGGRID_SPEAKER_BRIDGE_TOKEN", CallerRole.EdgeBridge, SpeakerVillage),
    ];

    /// <summary>
    /// The bridge stamps each event with its receive time from the machine's clock, and the grid takes that over its
    /// own clock unless it lies in the grid's future. The served silo runs a simulated clock, so this plays a night
    /// already past on the machine's clock: the grid then uses its own receive time, 22:00 on that night.
    /// </summary>
    [Fact]
    public Task Mqtt_js_devices_strike_on_time_raise_an_alarm_are_refused_by_reason_and_a_speaker_gets_its_command() =>
        PlayNightAsync(Today().AddDays(-1));

    /// <summary>
    /// The same night with the bridge's clock a day behind the grid's (a village box that booted without NTP): the
    /// devices' clocks agree with the grid, yet every event is taken as skewed and re-timed to the bridge's clock.
    /// </summary>
    [Fact]
    public Task A_bridge_clock_behind_the_grid_does_not_re_time_devices_whose_clocks_are_right() =>
        PlayNightAsync(Today().AddDays(1));

    private static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(VietnamOffset).DateTime);

    private async Task PlayNightAsync(DateOnly night)
    {
        var nightText = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var peace = new DateTimeOffset(night.ToDateTime(new TimeOnly(22, 0)), VietnamOffset);

        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = 1000 });
        // 21:59:30 at real speed: the device times 22:00:00 to 22:00:53 stay within the 2 minutes of clock skew the
        // grid accepts while the test runs (it fails, with the strikes re-timed, if startup took over 90 seconds).
        await using var silo = await ServedSilo.StartAsync($"{nightText}T21:59:30+07:00", Holders);
        using var scratch = new ScratchDirectory();
        var bridges = await Task.WhenAll(
            StartBridgeAsync(Village, broker, silo, "GONGGRID_BRIDGE_TOKEN", scratch.File("phu-thuong")),
            StartBridgeAsync(SpeakerVillage, broker, silo, "GONGGRID_SPEAKER_BRIDGE_TOKEN", scratch.File("ban-rich")));
        await using var bridge = bridges[0];
        await using var speakerBridge = bridges[1];
        MqttDevicesScript? script = null;
        try
        {
            script = MqttDevicesScript.Start(new Dictionary<string, string>
            {
                ["MQTT_PORT"] = broker.Port.ToString(CultureInfo.InvariantCulture),
                ["GONGGRID_VILLAGE"] = Village,
                ["GONGGRID_GONG"] = "gong-1",
                ["GONGGRID_ALARM_BUTTON"] = "alarm-button-1",
                ["GONGGRID_UNKNOWN_DEVICE"] = "gong-9",
                ["GONGGRID_NIGHT"] = nightText,
                ["GONGGRID_BRIDGE_METRICS"] = bridge.MetricsAddress.ToString(),
                ["GONGGRID_SPEAKER"] = Speaker,
                ["GONGGRID_WAIT_FOR_COMMAND"] = "1",
            });
            Assert.True(await script.ReadUntilAsync("waiting for a command") is not null, $"mqtt-devices.mjs ended before its devices were done:\n{script.Output}");
            Assert.DoesNotContain("FAIL", script.Output, StringComparison.Ordinal);

            // Every event the bridge journaled is acknowledged by the grid: 9 strikes, the redelivered strike, the
            // heartbeat and the button press.
            var metrics = await bridge.MetricsUntilAsync(page => page.Acknowledged >= 12, "the grid acknowledged 12 events", TimeSpan.FromSeconds(10));
            Assert.Equal(17, metrics.Received);
            Assert.Equal(12, metrics.Journaled);
            Assert.Equal(12, metrics.Acknowledged);
            Assert.Equal(1, metrics.Duplicates);
            Assert.Equal(0, metrics.JournalDepth);
            Assert.Equal(3, metrics.RejectedFor("payload"));
            Assert.Equal(1, metrics.RejectedFor("unknown-device"));
            Assert.Equal(1, metrics.RejectedFor("wrong-kind"));
            Assert.Equal(0, metrics.RejectedFor("topic"));
            Assert.Equal(0, metrics.RejectedFor("grid"));

            using var channel = GrpcChannel.ForAddress(new Uri(silo.Address));
            CallOptions Police() => new([new("authorization", $"Bearer {silo.Token("GONGGRID_DISTRICT_TOKEN")}")], DateTime.UtcNow.AddSeconds(10));
            var districtService = new DistrictService.DistrictServiceClient(channel);
            var detail = await districtService.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = Commune, Night = nightText }, Police());
            var outcome = Assert.Single(detail.Villages, village => village.VillageKey == Village).Outcome;
            Assert.Equal(OutcomeKind.OnTime, outcome.Kind);
            Assert.Equal(9, outcome.StrikeCount);
            Assert.Equal(peace, outcome.RoundStartedAt.ToDateTimeOffset());
            Assert.False(outcome.IsFinal);

            var alarmService = new AlarmService.AlarmServiceClient(channel);
            var alarms = await alarmService.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = District, CommuneKey = Commune }, Police());
            var alarm = Assert.Single(alarms.Alarms, live => live.VillageKey == Village);
            Assert.Equal(AlarmKind.Fire, alarm.Kind);
            Assert.Equal(AlarmSource.Button, alarm.Source);
            Assert.Equal(AlarmStatus.Raised, alarm.Status);
            Assert.Equal(peace.AddSeconds(40), alarm.RaisedAt.ToDateTimeOffset());

            // The command goes down the Cao Thịnh bridge's ingest stream and out on the speaker's cmd topic.
            await speakerBridge.MetricsUntilAsync(page => page.LinkUp, "the speaker bridge's uplink is up", TimeSpan.FromSeconds(10));
            var sound = await alarmService.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = SpeakerCommune, Kind = AlarmKind.Fire }, Police());
            Assert.Equal(1, sound.CommandsSent);
            Assert.DoesNotContain(SpeakerVillage, sound.UnreachableVillages);

            var received = await script.ReadUntilAsync("command ");
            Assert.True(received is not null, $"mqtt-devices.mjs ended without a command:\n{script.Output}");
            var parts = received.Split(' ', 4);
            Assert.Equal($"gonggrid/v1/{Speaker}/cmd", parts[1]);
            Assert.Equal("qos=1", parts[2]);
            AssertPlayAlarmCommand(parts[3], "fire");

            Assert.Equal(0, await script.WaitForExitAsync());
        }
        finally
        {
            output.WriteLine($"mqtt-devices.mjs:\n{script?.Output}\n\nbridge {Village}:\n{bridge.Process.Describe()}\n\nbridge {SpeakerVillage}:\n{speakerBridge.Process.Describe()}");
            if (script is not null)
            {
                await script.DisposeAsync();
            }
        }
    }

    /// <summary>Exactly the documented command: {"commandId": "…", "play": {"program": "alarm", "alarmKind": "…"}}.</summary>
    private static void AssertPlayAlarmCommand(string payload, string alarmKind)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        Assert.Equal(["commandId", "play"], root.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, root.GetProperty("commandId").ValueKind);
        Assert.NotEmpty(root.GetProperty("commandId").GetString()!);
        var play = root.GetProperty("play");
        Assert.Equal(["alarmKind", "program"], play.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal("alarm", play.GetProperty("program").GetString());
        Assert.Equal(alarmKind, play.GetProperty("alarmKind").GetString());
    }

    /// <summary>A sample's value; a counter with no sample yet (a reason never counted) is 0.</summary>
    private static Task<BridgeProcess> StartBridgeAsync(string village, MosquittoBroker broker, ServedSilo silo, string token, string dataDirectory) =>
        BridgeProcess.StartAsync(new BridgeSetup([village], broker.Port, silo.Address, silo.Token(token), dataDirectory, $"gonggrid-bridge-{village.Replace('/', '-')}"));
}
