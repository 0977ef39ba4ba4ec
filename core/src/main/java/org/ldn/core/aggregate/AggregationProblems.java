package org.ldn.core.aggregate;

import java.util.List;
import org.ldn.core.InputException;

/** The reports cannot be aggregated: every problem found, each naming its report file. */
public final class AggregationProblems extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public AggregationProblems(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the reports; nothing was aggregated (fix or leave out the reports named)");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
