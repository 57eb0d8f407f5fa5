using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Hosting;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.Benchmarks;

/// <summary>
/// The silo as <c>serve</c> runs it — grains and the gRPC API on a loopback port (h2c) — in this process, on memory or
/// a SQLite file in a temporary directory (deleted afterwards), with a token for each caller.
/// </summary>
internal sealed class ApiGrid(GridHost host, string? dataDirectory) : IAsyncDisposable
{
    public string Name => dataDirectory is null ? "in-memory" : "SQLite";

    public IGrainFactory Grains => host.Grains;

    public static async Task<ApiGrid> StartAsync(bool sqlite, TimeProvider clock, IReadOnlyList<ApiCaller> callers, IReadOnlyList<string>? settings = null)
    {
        var data = sqlite ? Directory.CreateTempSubdirectory("gonggrid-bench-").FullName : null;
        var args = new List<string>
        {
            $"--GongGrid:Storage={(sqlite ? "sqlite" : "memory")}",
            "--GongGrid:Api:Listen=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:GongGrid=Warning",
        };
        if (data is not null)
        {
            args.Add($"--GongGrid:DataDirectory={data}");
        }

        for (var index = 0; index < callers.Count; index++)
        {
            var caller = callers[index];
            args.Add($"--GongGrid:Api:Tokens:{index}:Sha256={TokenHash.Of(caller.Token)}");
            args.Add($"--GongGrid:Api:Tokens:{index}:Name={caller.Token}");
            args.Add($"--GongGrid:Api:Tokens:{index}:Role={caller.Role}");
            args.AddRange(caller.Scopes.Select((scope, at) => $"--GongGrid:Api:Tokens:{index}:Scopes:{at}={scope}"));
        }

        args.AddRange(settings ?? []);
        return new ApiGrid(await GridHost.StartAsync([.. args], clock, serveApi: true), data);
    }

    /// <summary>A client channel to the API (one HTTP/2 connection pool); dispose it before the grid.</summary>
    public GrpcChannel Channel() => GrpcChannel.ForAddress(host.ApiAddress!);

    /// <summary>Call options carrying <paramref name="token"/>, with a deadline when one is given.</summary>
    public static CallOptions As(string token, TimeSpan? timeout = null) =>
        new([new("authorization", $"Bearer {token}")], timeout is { } due ? DateTime.UtcNow + due : null);

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

/// <summary>A token the grid accepts: the token text is also the holder's name.</summary>
internal sealed record ApiCaller(string Token, CallerRole Role, IReadOnlyList<string> Scopes);
