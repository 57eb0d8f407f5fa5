using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Tests.Support;

/// <summary>
/// A small district for grain tests: commune "xa-a" with two gong villages, commune "xa-loa" whose village gives
/// the peace signal on a smart speaker. Thôn 1 has a cluster 2 km out, beyond any gong.
/// </summary>
public static class TestDistrict
{
    public const string Key = "test-huyen";
    public const string Thon1 = "test-huyen/xa-a/thon-1";
    public const string Thon2 = "test-huyen/xa-a/thon-2";
    public const string ThonLoa = "test-huyen/xa-loa/thon-loa";
    public const string Thon1Gong = Thon1 + "/gong-1";
    public const string Thon1Button = Thon1 + "/button-1";
    public const string Thon2Gong = Thon2 + "/gong-1";
    public const string ThonLoaSpeaker = ThonLoa + "/speaker-1";

    private static readonly GeoPoint Centre = new(20.08, 105.37);
    private static readonly Officer Officer = new("Lê Văn Công", "0912000111");

    public static DistrictRoster Create(SignalSettingsOverride? xaLoaOverrides = null) => new(Key, "Huyện Thử", new SignalSettings(),
    [
        new CommuneRoster("xa-a", "Xã A", Officer, null,
        [
            Village("thon-1", "Thôn 1", PeaceSignalSource.Gong,
                [Device("gong-1", DeviceKind.Gong), Device("button-1", DeviceKind.AlarmButton)],
                [new ClusterRoster("xom-giua", "Xóm Giữa", Centre, 120), new ClusterRoster("xom-xa", "Xóm Xa", new GeoPoint(20.098, 105.37), 40)],
                [new StrikerRoster("ong-ba", "Hà Văn Ba", 30_000), new StrikerRoster("ong-tu", "Lò Văn Tư", 30_000)]),
            Village("thon-2", "Thôn 2", PeaceSignalSource.Gong, [Device("gong-1", DeviceKind.Gong)],
                [new ClusterRoster("xom-1", "Xóm 1", Centre, 80)], [new StrikerRoster("ba-nam", "Bà Năm", 25_000)]),
        ]),
        new CommuneRoster("xa-loa", "Xã Loa", Officer, xaLoaOverrides,
        [
            Village("thon-loa", "Thôn Loa", PeaceSignalSource.Speaker,
                [Device("speaker-1", DeviceKind.Speaker), Device("gong-1", DeviceKind.Gong)],
                [new ClusterRoster("xom-loa", "Xóm Loa", Centre, 60)], []),
        ]),
    ]);

    private static VillageRoster Village(string slug, string name, PeaceSignalSource peaceSignal, IReadOnlyList<DeviceRoster> devices,
        IReadOnlyList<ClusterRoster> clusters, IReadOnlyList<StrikerRoster> strikers) =>
        new(slug, name, Centre, 200, peaceSignal, Officer, devices, clusters, strikers);

    private static DeviceRoster Device(string slug, DeviceKind kind) => new(slug, kind, Centre, "Nhà văn hóa", DeviceCondition.Ok);
}
