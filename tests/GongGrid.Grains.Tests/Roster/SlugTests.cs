using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Tests.Roster;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Thôn Làng Mới", "thon-lang-moi")]
    [InlineData("Xóm Đồng Tâm", "xom-dong-tam")]
    [InlineData("Nguyệt Ấn", "nguyet-an")]
    [InlineData("ĐỒNG THỊNH", "dong-thinh")]
    [InlineData("Thôn 3", "thon-3")]
    [InlineData("  Khu tái định cư (mới)  ", "khu-tai-dinh-cu-moi")]
    [InlineData("Tho\u0302n Lu\u031Bo\u031Bng So\u031Bn", "thon-luong-son")]
    [InlineData("!!!", "")]
    public void Slug_from_a_vietnamese_name_drops_diacritics_and_joins_words_with_hyphens(string name, string slug) =>
        Assert.Equal(slug, Slug.FromName(name));

    [Theory]
    [InlineData("lang-moi", true)]
    [InlineData("thon-3", true)]
    [InlineData("a", true)]
    [InlineData("Lang-moi", false)]
    [InlineData("lang--moi", false)]
    [InlineData("-lang", false)]
    [InlineData("lang-", false)]
    [InlineData("làng", false)]
    [InlineData("lang moi", false)]
    [InlineData("", false)]
    public void Slug_is_valid_only_as_lowercase_ascii_groups_joined_by_single_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));
}
