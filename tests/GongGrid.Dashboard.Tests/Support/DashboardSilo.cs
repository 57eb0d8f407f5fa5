using GongGrid.Silo.Api.Security;
using GongGrid.Testing;

namespace GongGrid.Dashboard.Tests.Support;

/// <summary>
/// The served silo the dashboard tests open: the sample district in memory, the dashboard on its own HTTP/1.1 port,
/// the clock from 21:59:40 local on 22 Nov 2026 at five times real speed (tonight's rounds start within seconds),
/// and tokens for a district officer, a commune officer of Ngọc Liên and an edge bridge for the whole district.
/// </summary>
public static class DashboardSilo
{
    public const string Night = "2026-11-22";
    public const string Clock = Night + "T21:59:40+07:00";
    public const double Speed = 5;
    public const string District = "ngoc-lac";
    public const string Commune = "ngoc-lac/ngoc-lien";
    public const string OtherCommune = "ngoc-lac/cao-thinh";
    public const string DistrictOfficer = "Đại úy Nguyễn Văn An";
    public const string CommuneOfficer = "Trung úy Lê Thị Hoa";

    public const string DistrictToken = "GONGGRID_DISTRICT_TOKEN";
    public const string CommuneToken = "GONGGRID_COMMUNE_TOKEN";
    public const string BridgeToken = "GONGGRID_BRIDGE_TOKEN";

    private static readonly (string Variable, CallerRole Role, string Scope)[] Holders =
    [
        (DistrictToken, CallerRole.DistrictPolice, District),
        (CommuneToken, CallerRole.CommunePolice, Commune),
        (BridgeToken, CallerRole.EdgeBridge, District),
    ];

    private static readonly Dictionary<string, string> Names = new()
    {
        [DistrictToken] = DistrictOfficer,
        [CommuneToken] = CommuneOfficer,
        [BridgeToken] = "bridge Ngọc Lặc",
    };

    public static Task<ServedSilo> StartAsync() => ServedSilo.StartAsync(Clock, Holders, names: Names, speed: Speed, dashboard: true);
}
