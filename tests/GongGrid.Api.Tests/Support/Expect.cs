using Grpc.Core;

namespace GongGrid.Api.Tests.Support;

public static class Expect
{
    /// <summary>Runs the call and returns the error it ended with, failing unless the status is <paramref name="status"/>.</summary>
    public static async Task<RpcException> Status(StatusCode status, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == status, $"expected {status}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <inheritdoc cref="Status(StatusCode, Func{Task})"/>
    public static Task<RpcException> Status<TResponse>(StatusCode status, Func<AsyncUnaryCall<TResponse>> call) =>
        Status(status, async () => await call());
}
