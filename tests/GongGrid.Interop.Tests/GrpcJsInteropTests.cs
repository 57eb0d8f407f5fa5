using GongGrid.Interop.Tests.Support;
using GongGrid.Testing;
using Xunit.Abstractions;

namespace GongGrid.Interop.Tests;

/// <summary>
/// grpc-js, the Node.js gRPC implementation, against the silo executable: every call shape, the status codes a
/// client acts on, deadlines and cancellation. The checks are in tests/interop/grpc-interop.mjs.
/// </summary>
public sealed class GrpcJsInteropTests(ITestOutputHelper output)
{
    [Fact]
    public Task Grpc_js_calls_the_silo_api_unary_streaming_both_ways_with_deadlines_and_cancellation() =>
        RunScriptAsync(tokensOnCommandLine: false);

    [Fact]
    public Task Tokens_given_on_the_serve_command_line_are_honoured() =>
        RunScriptAsync(tokensOnCommandLine: true);

    private async Task RunScriptAsync(bool tokensOnCommandLine)
    {
        await using var silo = await ServedSilo.StartAsync(tokensOnCommandLine);

        var run = await InteropScript.RunAsync(silo.ClientEnvironment);

        output.WriteLine(run.ToString());
        if (run.ExitCode != 0)
        {
            Assert.Fail($"grpc-interop.mjs failed: {run}\n\nThe silo:\n{await silo.StopAsync()}");
        }
    }
}
