using GongGrid.Api.V1;
using GongGrid.Testing;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests.Support;

/// <summary>
/// The night of 22 Nov 2026 played through an edge bridge and closed at 23:00: four villages on time (three in
/// Ngọc Liên, one in Lâm Sơn), Cao Thịnh's seven speakers played, one village early, one late, one incomplete,
/// every other village missed.
/// </summary>
public sealed class PlayedNightFixture : SiloFixture
{
    public const string Bridge = "bridge-played-night";
    public const string Early = "ngoc-lac/ngoc-lien/coc-ha";
    public const string Late = "ngoc-lac/ngoc-lien/bai-bang";
    public const string Incomplete = "ngoc-lac/ngoc-lien/hoa-binh";

    public static readonly string[] OnTime =
        ["ngoc-lac/ngoc-lien/phu-thuong", "ngoc-lac/ngoc-lien/chieng-khat", "ngoc-lac/ngoc-lien/pho-cong", "ngoc-lac/lam-son/hon-can"];

    /// <summary>Villages whose striker struck a complete round (on time, early or late): their allowance is due.</summary>
    public static readonly string[] Paid = [.. OnTime, Early, Late];

    protected override (string Name, string[] Villages)[] Bridges => [(Bridge, [.. VillagesOf(NgocLien), .. VillagesOf(CaoThinh), .. VillagesOf(LamSon)])];

    /// <summary>The striker on each village's rota who struck tonight.</summary>
    public static string StrikerOf(string villageKey) => Village(villageKey).Strikers[0].Id;

    protected override async Task PrepareAsync()
    {
        await using var bridge = await Silo.ConnectBridgeAsync(Bridge);
        var peace = ApiSilo.PeaceTime;
        await SendAsync(bridge, DeviceEvents.Round(Early + "/gong-1", peace.AddMinutes(-30), strikerId: StrikerOf(Early)));
        await SendAsync(bridge, [.. VillagesOf(CaoThinh).Select(village => DeviceEvents.Playback(village + "/speaker-1", peace.AddSeconds(5)))]);
        await SendAsync(bridge, [.. OnTime.SelectMany(village => DeviceEvents.Round(village + "/gong-1", peace.AddSeconds(10), strikerId: StrikerOf(village)))]);
        await SendAsync(bridge, DeviceEvents.Round(Incomplete + "/gong-1", peace.AddMinutes(1), strikes: 5, strikerId: StrikerOf(Incomplete)));
        await SendAsync(bridge, DeviceEvents.Round(Late + "/gong-1", peace.AddMinutes(12), strikerId: StrikerOf(Late)));

        Silo.AdvanceTo(peace.AddHours(1).AddSeconds(1));
        var district = new DistrictService.DistrictServiceClient(Silo.Channel);
        var closed = await Eventually.Until(
            () => district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key, Night = ApiSilo.Night }, ApiSilo.As(ApiSilo.DistrictToken)).ResponseAsync,
            summary => summary.IsFinal);
        if (!closed.IsFinal || closed.Totals.Pending != 0)
        {
            throw new InvalidOperationException($"the night did not close: {closed.Totals}");
        }
    }

    /// <summary>Sends events as they happen: the clock is moved to the last of them first.</summary>
    private async Task SendAsync(BridgeConnection bridge, DeviceEvent[] events)
    {
        Silo.AdvanceTo(events.Max(deviceEvent => deviceEvent.DeviceTime.ToDateTimeOffset()));
        var acks = await bridge.SendAsync(events);
        if (acks.Acks.FirstOrDefault(ack => ack.Disposition != Disposition.Applied) is { } refused)
        {
            throw new InvalidOperationException($"setting up the night, {refused} was not applied");
        }
    }
}
