using Medborgare.ApiContracts.FollowUp;

namespace Medborgare.Web.Services.FollowUp;

/// <summary>What the pages read off FollowUp's records; kept out of the records so that the wire shape stays what the service sends.</summary>
public static class FollowUpExtensions
{
    extension(StatusCounts counts)
    {
        public int Total => counts.Green + counts.Yellow + counts.Red + counts.Grey;
    }
}
