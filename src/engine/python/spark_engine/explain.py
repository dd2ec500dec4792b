"""``explain()`` text. APPROXIMATE: Spark's physical planning (whole-stage codegen ids, exchanges,
optimizer rewrites) is not modelled. Leaf scans print as Spark's physical leaves
(``*(1) Range (0, 3, step=1, splits=2)``, ``*(1) Scan ExistingRDD[id#0L,v#1]``,
``LocalTableScan [a#0]``), other operators as their analyzed logical nodes.
"""

from . import plans as P


def _physical_lines(plan):
    lines = []
    stack = [(plan, [])]
    while stack:
        node, flags = stack.pop()
        prefix = ''
        if flags:
            prefix = ''.join('   ' if last else ':  ' for last in flags[:-1])
            prefix += '+- ' if flags[-1] else ':- '
        if isinstance(node, P.Range):
            text = '*(1) Range (%d, %d, step=%d, splits=%s)' % (
                node.start, node.end, node.step, node.splits if node.splits is not None else 1)
        elif isinstance(node, P.LocalRelation) and node.label == 'LogicalRDD':
            text = '*(1) Scan ExistingRDD[%s]' % ','.join(a.to_string() for a in node.attrs)
        elif isinstance(node, P.LocalRelation):
            text = 'LocalTableScan [%s]' % ', '.join(a.to_string() for a in node.attrs)
        elif isinstance(node, P.OneRowRelation):
            text = '*(1) Scan OneRowRelation[]'
        elif isinstance(node, (P.Project, P.Filter)):
            text = '*(1) ' + node.node_string()
        elif isinstance(node, (P.SubqueryAlias, P.View)):
            stack.append((node.children[0], flags))
            continue
        else:
            text = node.node_string()
        lines.append(prefix + text)
        kids = list(node.children)
        for i in range(len(kids) - 1, -1, -1):
            stack.append((kids[i], flags + [i == len(kids) - 1]))
    return lines


def explain(plan, extended=False):
    physical = '\n'.join(_physical_lines(plan)) + '\n'
    if not extended:
        return '== Physical Plan ==\n' + physical
    logical = plan.tree_string()
    return ('== Parsed Logical Plan ==\n' + logical + '\n== Analyzed Logical Plan ==\n' +
            logical + '\n== Optimized Logical Plan ==\n' + logical + '\n== Physical Plan ==\n' +
            physical)
