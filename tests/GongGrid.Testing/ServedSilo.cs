using GongGrid.Silo.Api.Security;
namespace GongGrid.Testing;

/// <summary>
/// <c>gonggrid serve</c> in its own process, as an operator runs it: in memory, the sample district imported, the
/// API on a free loopback port (and the dashboard on another), the clock from 21:55 local on 22 Nov 2026 at real
/// speed unless told otherwise, and a fresh token for each role the client calls with.
/// </summary>
public sealed class ServedSilo : IAsyncDisposable
{
    public const string Clock = "2026-11-22T21:55:00+07:00";

    private const string ServingLine = "serving gRPC on ";
    private const string DashboardLine = "dashboard on ";

    /// <summary>Startup takes seconds and the script under ten; this only stops a hung run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    /// <summary>The script's environment variable for each token, with the token's role and scope.</summary>
    private static readonly (string Variable, CallerRole Role, string Scope)[] Holders =
    [
        ("GONGGRID_DISTRICT_TOKEN", CallerRole.DistrictPolice, "ngoc-lac"),
        ("GONGGRID_COMMUNE_TOKEN", CallerRole.CommunePolice, "ngoc-lac/ngoc-lien"),
        ("GONGGRID_BRIDGE_TOKEN", CallerRole.EdgeBridge, "ngoc-lac/ngoc-lien/phu-thuong"),
    ];

    private readonly ScratchDirectory _scratch;
    private readonly SiloProcess _process;

    private ServedSilo(ScratchDirectory scratch, SiloProcess process, Dictionary<string, string> tokens, string address, string? dashboard, string clock)
    {
        _scratch = scratch;
        _process = process;
        Address = address;
        DashboardAddress = dashboard;
        ClientEnvironment = new Dictionary<string, string>(tokens) { ["GONGGRID_ADDRESS"] = address, ["GONGGRID_CLOCK"] = clock };
    }

    /// <summary>The API's address, http://127.0.0.1:PORT.</summary>
    public string Address { get; }

    /// <summary>The police dashboard's address, http://127.0.0.1:PORT/ (GongGrid:Api:WebListen), or null when not served.</summary>
    public string? DashboardAddress { get; }

    /// <summary>The token held under <paramref name="variable"/> (GONGGRID_DISTRICT_TOKEN, ...).</summary>
    public string Token(string variable) => ClientEnvironment[variable];

    /// <summary>What a client needs to call this silo: GONGGRID_ADDRESS, GONGGRID_CLOCK and the three tokens.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment { get; }

    /// <summary>
    /// Starts the silo and waits for it to serve. The tokens go in as environment variables (GongGrid__Api__Tokens__0__…),
    /// or with <paramref name="tokensOnCommandLine"/> as --GongGrid:Api:Tokens:0:… options of <c>serve</c>.
    /// </summary>
    public static Task<ServedSilo> StartAsync(bool tokensOnCommandLine = false) => StartAsync(Clock, Holders, tokensOnCommandLine);

    /// <summary>
    /// Starts the silo with its clock from <paramref name="clock"/> (at <paramref name="speed"/> times real time) and a
    /// fresh token for each holder, named as <paramref name="names"/> says (by variable) or "interop ROLE".
    /// </summary>
    public static async Task<ServedSilo> StartAsync(
        string clock, IReadOnlyList<(string Variable, CallerRole Role, string Scope)> holders, bool tokensOnCommandLine = false,
        IReadOnlyDictionary<string, string>? names = null, double speed = 1, bool dashboard = false)
    {
        var tokens = holders.ToDictionary(holder => holder.Variable, _ => TokenHash.NewToken());
        var configuration = TokenConfiguration(holders, tokens, names ?? new Dictionary<string, string>());
        var environment = tokensOnCommandLine ? [] : configuration.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);
        var scratch = new ScratchDirectory();
        var roster = Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json");
        string[] args =
        [
            "serve", "--storage", "memory", "--roster", roster, "--listen", "http://127.0.0.1:0", "--clock", clock,
            "--speed", speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. dashboard ? ["--GongGrid:Api:WebListen=http://127.0.0.1:0"] : Array.Empty<string>(),
            .. tokensOnCommandLine ? configuration.Select(setting => $"--{setting.Key}={setting.Value}") : [],
        ];
        var process = SiloProcess.Start(scratch.Path, new SiloProcessOptions(environment, Deadline), args);
        string? line;
        string? dashboardAddress = null;
        while ((line = await process.ReadLineAsync()) is not null && !line.StartsWith(ServingLine, StringComparison.Ordinal))
        {
            if (line.StartsWith(DashboardLine, StringComparison.Ordinal))
            {
                dashboardAddress = line[DashboardLine.Length..];
            }
        }

        if (line is null)
        {
            var run = await process.WaitForExitAsync();
            await process.DisposeAsync();
            scratch.Dispose();
            throw new InvalidOperationException($"The silo ended before it served the API: {run}");
        }

        return new ServedSilo(scratch, process, tokens, line[ServingLine.Length..].Split(' ')[0], dashboardAddress, clock);
    }

    /// <summary>Kills the silo and returns what it printed, for a failure message.</summary>
    public async Task<SiloRun> StopAsync()
    {
        _process.Kill();
        return await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _scratch.Dispose();
    }

    /// <summary>GongGrid:Api:Tokens settings for the tokens: each one's hash, holder name, role and scope.</summary>
    private static Dictionary<string, string> TokenConfiguration(
        IReadOnlyList<(string Variable, CallerRole Role, string Scope)> holders, Dictionary<string, string> tokens, IReadOnlyDictionary<string, string> names)
    {
        var configuration = new Dictionary<string, string>();
        for (var index = 0; index < holders.Count; index++)
        {
            var (variable, role, scope) = holders[index];
            var prefix = $"GongGrid:Api:Tokens:{index}:";
            configuration[prefix + "Sha256"] = TokenHash.Of(tokens[variable]);
            configuration[prefix + "Name"] = names.GetValueOrDefault(variable, $"interop {role}");
            configuration[prefix + "Role"] = role.ToString();
            configuration[prefix + "Scopes:0"] = scope;
        }

        return configuration;
    }
}
