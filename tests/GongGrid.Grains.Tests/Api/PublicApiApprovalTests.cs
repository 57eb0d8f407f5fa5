using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Tests.Api;

public sealed class PublicApiApprovalTests
{
    /// <summary>
    /// Fails when the grain contract changed without its approved copy. To approve a deliberate change, copy the
    /// ".received.txt" file the failure names over the ".approved.txt" beside this test and commit both changes.
    /// </summary>
    [Fact]
    public void The_public_contract_of_Grains_Interfaces_matches_the_approved_copy()
    {
        var approvedPath = Path.Combine(SourceDirectory(), "GongGrid.Grains.Interfaces.approved.txt");
        var received = PublicApi.Describe(typeof(IVillageGrain).Assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : "";
        if (received != approved)
        {
            var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received") + ".txt";
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The public contract of GongGrid.Grains.Interfaces changed. Review `diff {approvedPath} {receivedPath}`; if the change is meant, copy the received file over the approved one.");
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
