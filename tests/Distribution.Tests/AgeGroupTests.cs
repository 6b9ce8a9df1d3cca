using Medborgare.Distribution.Frames;

namespace Medborgare.Distribution.Tests;

public sealed class AgeGroupTests
{
    [Theory]
    [InlineData(2011, null)]   // 15
    [InlineData(2010, "16-24")] // 16
    [InlineData(2002, "16-24")] // 24
    [InlineData(2001, "25-34")] // 25
    [InlineData(1992, "25-34")] // 34
    [InlineData(1991, "35-44")] // 35
    [InlineData(1982, "35-44")] // 44
    [InlineData(1981, "45-54")] // 45
    [InlineData(1972, "45-54")] // 54
    [InlineData(1971, "55-64")] // 55
    [InlineData(1962, "55-64")] // 64
    [InlineData(1961, "65-74")] // 65
    [InlineData(1952, "65-74")] // 74
    [InlineData(1951, "75-84")] // 75
    [InlineData(1942, "75-84")] // 84
    [InlineData(1941, "85+")]   // 85
    [InlineData(1910, "85+")]   // 116
    public void AgeGroup_boundaries_in_2026(int birthYear, string? expected)
    {
        Assert.Equal(expected, AgeGroup.Of(birthYear, 2026));
    }

    [Fact]
    public void AgeGroup_of_someone_born_in_the_reference_year_or_later_is_none()
    {
        Assert.Null(AgeGroup.Of(2026, 2026));
        Assert.Null(AgeGroup.Of(2030, 2026));
    }
}
