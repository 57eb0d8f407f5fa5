using GongGrid.Silo.Api.Security;
using Grpc.Core;
using Grpc.Net.Client;
using GongGrid.Silo.Hosting;
using GongGrid.Testing;

namespace GongGrid.Api.Tests.Support;

/// <summary>
/// A silo serving the gRPC API on a loopback port, in memory, with the sample district (Ngọc Lặc) imported, a
/// manual clock at 21:00 local on 22 Nov 2026, and one token per role.
/// </summary>
public sealed class ApiSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset NinePm = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    /// <summary>22:00 local (UTC+7), when the villages strike the peace signal.</summary>
    public static readonly DateTimeOffset PeaceTime = NinePm.AddHours(1);

    public const string Night = "2026-11-22";

    public const string District = "ngoc-lac";
    public const string Commune = "ngoc-lac/ngoc-lien";
    public const string OtherCommune = "ngoc-lac/cao-thinh";

    private static readonly (string Token, CallerRole Role, string Name, string[] Scopes)[] Holders =
    [
        ("district-token", CallerRole.DistrictPolice, "Đại úy Trần Văn Bình", [District]),
        ("commune-token", CallerRole.CommunePolice, "Trung úy Lê Thị Hoa", [Commune]),
        ("admin-token", CallerRole.Admin, "Quản trị viên", [District]),
        ("other-district-token", CallerRole.DistrictPolice, "Huyện khác", ["lang-chanh"]),
        ("other-admin-token", CallerRole.Admin, "Quản trị huyện khác", ["lang-chanh"]),
    ];

    private readonly GridHost _grid;
    private Task? _stopped;

    private ApiSilo(GridHost grid, ManualTimeProvider clock)
    {
        _grid = grid;
        Clock = clock;
        Address = grid.ApiAddress!;
        Channel = GrpcChannel.ForAddress(Address);
    }

    public ManualTimeProvider Clock { get; }

    /// <summary>Where the silo serves the API: http://127.0.0.1:PORT.</summary>
    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public Orleans.IGrainFactory Grains => _grid.Grains;

    public static string DistrictToken => Holders[0].Token;

    public static string CommuneToken => Holders[1].Token;

    public static string AdminToken => Holders[2].Token;

    public static string OtherDistrictToken => Holders[3].Token;

    public static string OtherAdminToken => Holders[4].Token;

    /// <summary>A bridge token for the villages given; its token text is the bridge name.</summary>
    public static Task<ApiSilo> StartAsync(params (string Name, string[] Villages)[] bridges) => StartAsync([], bridges);

    /// <param name="settings">More configuration, such as "--GongGrid:Api:MaxMessageBytes=65536".</param>
    public static async Task<ApiSilo> StartAsync(IEnumerable<string> settings, params (string Name, string[] Villages)[] bridges)
    {
        var clock = new ManualTimeProvider(NinePm);
        var args = new List<string> { "--GongGrid:Storage=memory", "--GongGrid:Api:Listen=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        args.AddRange(settings);
        var holders = Holders.Concat(bridges.Select(bridge => (bridge.Name, CallerRole.EdgeBridge, bridge.Name, bridge.Villages))).ToList();
        for (var index = 0; index < holders.Count; index++)
        {
            var (token, role, name, scopes) = holders[index];
            args.Add($"--GongGrid:Api:Tokens:{index}:Sha256={TokenHash.Of(token)}");
            args.Add($"--GongGrid:Api:Tokens:{index}:Name={name}");
            args.Add($"--GongGrid:Api:Tokens:{index}:Role={role}");
            for (var scope = 0; scope < scopes.Length; scope++)
            {
                args.Add($"--GongGrid:Api:Tokens:{index}:Scopes:{scope}={scopes[scope]}");
            }
        }

        var grid = await GridHost.StartAsync([.. args], clock, serveApi: true);
        var roster = GongGrid.Grains.Roster.RosterReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json"));
        await new GongGrid.Grains.Roster.RosterImport(grid.Grains).ApplyAsync(roster.GetRosterOrThrow());
        return new ApiSilo(grid, clock);
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>, firing timers on the way; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow())
        {
            Clock.Advance(instant - Clock.GetUtcNow());
        }
    }

    public Task<BridgeConnection> ConnectBridgeAsync(string token) => BridgeConnection.ConnectAsync(Channel, token);

    /// <summary>A call as the holder of <paramref name="token"/>, with a deadline (10 s unless given), its request gzipped if asked.</summary>
    public static CallOptions As(string token, TimeSpan? timeout = null, bool gzip = false)
    {
        var headers = Bearer(token);
        if (gzip)
        {
            headers.Add("grpc-internal-encoding-request", "gzip");
        }

        return new(headers, DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10)));
    }

    /// <summary>The authorization header for <paramref name="token"/>; none for an empty token.</summary>
    public static Metadata Bearer(string token) => token.Length == 0 ? [] : new() { { "authorization", $"Bearer {token}" } };

    /// <summary>A deadline <paramref name="timeout"/> from now, for a call that sends no token.</summary>
    public static CallOptions Within(TimeSpan timeout) => new(deadline: DateTime.UtcNow + timeout);

    /// <summary>
    /// Stops the silo, leaving the channel open so a test can read how its streams ended (grpc-dotnet's channel
    /// disposes the calls still open on it, and what they had received with them).
    /// </summary>
    public Task StopAsync() => _stopped ??= _grid.DisposeAsync().AsTask();

    /// <summary>Stops the silo first, so streams still open see it stop, then closes the channel.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Channel.Dispose();
    }
}
