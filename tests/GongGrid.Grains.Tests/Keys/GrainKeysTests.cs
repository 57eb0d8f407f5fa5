using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Tests.Keys;

public sealed class GrainKeysTests
{
    [Theory]
    [InlineData("ngoc-lac", "ngoc-lac", true)]
    [InlineData("ngoc-lac/ngoc-lien", "ngoc-lac", true)]
    [InlineData("ngoc-lac/ngoc-lien/phu-thuong/gong-1", "ngoc-lac/ngoc-lien", true)]
    [InlineData("ngoc-lac-2/ngoc-lien", "ngoc-lac", false)]
    [InlineData("ngoc-lac/ngoc-lien-2", "ngoc-lac/ngoc-lien", false)]
    [InlineData("ngoc-lac", "ngoc-lac/ngoc-lien", false)]
    [InlineData("lang-chanh", "ngoc-lac", false)]
    public void A_key_is_within_itself_and_its_ancestors_only(string key, string ancestor, bool within) =>
        Assert.Equal(within, GrainKeys.IsWithin(key, ancestor));
}
