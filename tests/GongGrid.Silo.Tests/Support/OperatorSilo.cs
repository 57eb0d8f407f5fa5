using System.Net.Http.Headers;
using System.Text;
using GongGrid.Silo.Api.Security;
using GongGrid.Testing;
using GongGrid.Testing.Network;

namespace GongGrid.Silo.Tests.Support;

/// <summary>
/// <c>gonggrid serve</c> in its own process with the police dashboard on (GongGrid:Api:WebListen) and, when asked, the
/// Orleans Dashboard for operators (GongGrid:OrleansDashboard:Listen): the sample district in memory, and a token for
/// each of an admin, district police and commune police.
/// </summary>
public sealed class OperatorSilo : IAsyncDisposable
{
    private const string OrleansDashboardLine = "Orleans dashboard for operators on ";
    private const string PoliceDashboardLine = "dashboard on ";
    private const string ServingLine = "serving gRPC on ";

    private readonly ScratchDirectory _scratch;
    private readonly SiloProcess _process;

    private OperatorSilo(ScratchDirectory scratch, SiloProcess process, Uri policeDashboard, Uri? orleansDashboard, int orleansDashboardPort, IReadOnlyList<string> printed)
    {
        _scratch = scratch;
        _process = process;
        PoliceDashboard = policeDashboard;
        OrleansDashboard = orleansDashboard;
        OrleansDashboardPort = orleansDashboardPort;
        Printed = printed;
    }

    public static string AdminToken { get; } = TokenHash.NewToken();

    public static string DistrictPoliceToken { get; } = TokenHash.NewToken();

    public static string CommunePoliceToken { get; } = TokenHash.NewToken();

    /// <summary>Where the police page is served (GongGrid:Api:WebListen).</summary>
    public Uri PoliceDashboard { get; }

    /// <summary>Where the silo said it serves the Orleans Dashboard; null when it said nothing.</summary>
    public Uri? OrleansDashboard { get; }

    /// <summary>The port GongGrid:OrleansDashboard:Listen named, or 0 when it was not set.</summary>
    public int OrleansDashboardPort { get; }

    /// <summary>What the silo printed up to serving.</summary>
    public IReadOnlyList<string> Printed { get; }

    public static async Task<OperatorSilo> StartAsync(bool orleansDashboard)
    {
        var dashboardPort = orleansDashboard ? FreeTcpPort.Next() : 0;
        var environment = new Dictionary<string, string>();
        AddToken(environment, 0, AdminToken, CallerRole.Admin, "ngoc-lac");
        AddToken(environment, 1, DistrictPoliceToken, CallerRole.DistrictPolice, "ngoc-lac");
        AddToken(environment, 2, CommunePoliceToken, CallerRole.CommunePolice, "ngoc-lac/ngoc-lien");
        if (orleansDashboard)
        {
            environment["GongGrid__OrleansDashboard__Listen"] = $"http://127.0.0.1:{dashboardPort}";
        }

        var scratch = new ScratchDirectory();
        var process = SiloProcess.Start(scratch.Path, new SiloProcessOptions(environment, TimeSpan.FromMinutes(4)),
            "serve", "--storage", "memory", "--roster", Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json"),
            "--listen", "http://127.0.0.1:0", $"--GongGrid:Api:WebListen=http://127.0.0.1:{FreeTcpPort.Next()}");
        var printed = new List<string>();
        Uri? police = null;
        Uri? operators = null;
        while (await process.ReadLineAsync() is { } line)
        {
            printed.Add(line);
            if (line.StartsWith(OrleansDashboardLine, StringComparison.Ordinal))
            {
                operators = new Uri(line[OrleansDashboardLine.Length..]);
            }
            else if (line.StartsWith(PoliceDashboardLine, StringComparison.Ordinal))
            {
                police = new Uri(line[PoliceDashboardLine.Length..]);
            }
            else if (line.StartsWith(ServingLine, StringComparison.Ordinal) && police is not null)
            {
                return new OperatorSilo(scratch, process, police, operators, dashboardPort, printed);
            }
        }

        var run = await process.WaitForExitAsync();
        await process.DisposeAsync();
        scratch.Dispose();
        throw new InvalidOperationException($"The silo ended before it served the API and the police dashboard: {run}");
    }

    /// <summary>A GET on <paramref name="address"/> with the given authorization (none when null).</summary>
    public static async Task<HttpResponseMessage> GetAsync(Uri address, AuthenticationHeaderValue? authorization)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = authorization;
        // Only the headers: /Trace streams the silo's log for an hour, and a test needs its status, not the stream.
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>As a browser sends what its sign-in prompt was given: any user name, the token as the password.</summary>
    public static AuthenticationHeaderValue Basic(string token) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{token}")));

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _scratch.Dispose();
    }

    private static void AddToken(Dictionary<string, string> environment, int index, string token, CallerRole role, string scope)
    {
        var prefix = $"GongGrid__Api__Tokens__{index}__";
        environment[prefix + "Sha256"] = TokenHash.Of(token);
        environment[prefix + "Name"] = $"operator test {role}";
        environment[prefix + "Role"] = role.ToString();
        environment[prefix + "Scopes__0"] = scope;
    }
}
