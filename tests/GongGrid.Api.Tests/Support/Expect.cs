using GongGrid.Rpc;

namespace GongGrid.Api.Tests.Support;

public static class Expect
{
    /// <summary>Runs the call and returns the error it ended with, failing unless the status is <paramref name="status"/>.</summary>
    public static async Task<RpcException> Status(StatusCode status, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.Status == status, $"expected {status}, got {error.Status}: {error.Detail}");
        return error;
    }
}
