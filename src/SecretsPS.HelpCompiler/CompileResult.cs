using System.Collections.Generic;

namespace SecretsPS.HelpCompiler;

public sealed record CompileResult(IReadOnlyList<string> WrittenFiles, IReadOnlyList<string> SkippedFiles, int CommandCount, int AboutTopicCount);
