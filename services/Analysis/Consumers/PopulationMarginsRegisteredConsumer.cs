using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Analysis.Consumers;

/// <summary>Keeps the frame's population per cell; a later registration for the same survey (a new frame) replaces it.</summary>
public sealed class PopulationMarginsRegisteredConsumer(AnalysisDbContext db, TimeProvider clock)
    : IdempotentConsumer<PopulationMarginsRegistered, AnalysisDbContext>(db, clock)
{
    protected override async Task HandleAsync(PopulationMarginsRegistered message, ConsumeContext<PopulationMarginsRegistered> context)
    {
        // Runs inside the base class's transaction, so the old margins vanish only if the new ones are saved.
        await Db.PopulationMargins.Where(m => m.SurveyId == message.SurveyId).ExecuteDeleteAsync(context.CancellationToken);
        foreach (var cell in message.Cells.GroupBy(c => (c.Stratum.District, c.Stratum.Sex, c.Stratum.AgeGroup)))
            Db.PopulationMargins.Add(new PopulationMarginCell
            {
                SurveyId = message.SurveyId, District = cell.Key.District, Sex = cell.Key.Sex, AgeGroup = cell.Key.AgeGroup,
                Count = cell.Sum(c => (long)c.Count),
            });
    }
}
