"""A simplified ``explain()`` text: the analyzed plan under Spark's section headers.

Physical plans are not modelled; the physical section is derived from the logical tree
(documented as an approximation in API.md).
"""


def explain(plan, extended=False):
    logical = plan.tree_string() if hasattr(plan, 'tree_string') else str(plan)
    physical = '\n'.join(_physical_line(l) for l in logical.rstrip('\n').split('\n')) + '\n'
    if not extended:
        return '== Physical Plan ==\n' + physical
    return ('== Parsed Logical Plan ==\n' + logical + '\n== Analyzed Logical Plan ==\n' + logical +
            '\n== Optimized Logical Plan ==\n' + logical + '\n== Physical Plan ==\n' + physical)


def _physical_line(line):
    for a, b in (('Project ', 'Project '), ('Filter ', 'Filter '), ('Range ', 'Range '),
                 ('LocalRelation ', 'LocalTableScan '), ('Sort ', 'Sort '),
                 ('Aggregate ', 'HashAggregate ')):
        if a in line:
            return line.replace(a, '*(1) ' + b, 1) if line.lstrip().startswith(a) else line
    return line
