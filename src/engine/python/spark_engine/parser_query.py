"""Grammar rules for queries: set operations, SELECT, FROM/JOIN, GROUP BY (incl. grouping
sets), ORDER BY/LIMIT/OFFSET, VALUES."""


from . import expressions as E
from . import plans as P
from .parser_core import _RESERVED_ALIAS


class QueryRules:
    def query(self):
        ctes = None
        if self.at_kw('WITH'):
            self.advance()
            ctes = []
            while True:
                name = self.identifier()
                cols = None
                if self.peek_op('('):
                    self.advance()
                    cols = [self.identifier()]
                    while self.accept_op(','):
                        cols.append(self.identifier())
                    self.expect_op(')')
                self.accept_kw('AS')
                self.expect_op('(')
                q = self.query()
                self.expect_op(')')
                ctes.append((name, q, cols))
                if not self.accept_op(','):
                    break
        plan = self.query_term()
        plan = self.query_organization(plan)
        if ctes:
            plan = P.With(ctes, plan)
        return plan

    def query_organization(self, plan):
        if self.at_kw('ORDER', 'SORT') and self.peek_kw(1, 'BY'):
            is_global = self.tok.text.upper() == 'ORDER'
            self.advance()
            self.advance()
            orders = [self.sort_item()]
            while self.accept_op(','):
                orders.append(self.sort_item())
            plan = P.Sort(orders, is_global, plan)
        limit = None
        if self.at_kw('LIMIT'):
            self.advance()
            if not self.accept_kw('ALL'):
                limit = self.expression()
        if self.at_kw('OFFSET'):
            self.advance()
            plan = P.Offset(self.expression(), plan)
        if limit is not None:
            plan = P.GlobalLimit(limit, P.LocalLimit(limit, plan))
        return plan

    def sort_item(self):
        e = self.expression()
        asc = True
        if self.accept_kw('ASC'):
            asc = True
        elif self.accept_kw('DESC'):
            asc = False
        nulls_first = None
        if self.accept_kw('NULLS'):
            if self.accept_kw('FIRST'):
                nulls_first = True
            else:
                self.expect_kw('LAST')
                nulls_first = False
        return E.SortOrder(e, asc, nulls_first)

    def query_term(self):
        left = self.intersect_term()
        while self.at_kw('UNION', 'EXCEPT', 'MINUS'):
            op = self.advance().text.upper()
            is_all = False
            if self.accept_kw('ALL'):
                is_all = True
            else:
                self.accept_kw('DISTINCT')
            right = self.intersect_term()
            if op == 'UNION':
                u = P.Union([left, right])
                left = u if is_all else P.Distinct(u)
            else:
                left = P.SetOperation('Except', left, right, is_all)
        return left

    def intersect_term(self):
        left = self.query_primary()
        while self.at_kw('INTERSECT'):
            self.advance()
            is_all = bool(self.accept_kw('ALL'))
            if not is_all:
                self.accept_kw('DISTINCT')
            right = self.query_primary()
            left = P.SetOperation('Intersect', left, right, is_all)
        return left

    def query_primary(self):
        if self.at_kw('SELECT'):
            return self.query_specification()
        if self.peek_op('('):
            self.advance()
            q = self.query()
            self.expect_op(')')
            return q
        if self.at_kw('VALUES'):
            return self.inline_table(alias_allowed=False)
        if self.at_kw('TABLE'):
            self.advance()
            t = self.tok
            return P.UnresolvedRelation(self.multipart_identifier(), self.origin(t))
        if self.at_kw('FROM'):
            self.advance()
            rel = self.relations()
            if self.at_kw('SELECT'):
                return self.query_specification(from_plan=rel)
            return P.Project([E.UnresolvedStar()], rel)
        raise self.error()

    def query_specification(self, from_plan=None):
        sel = self.expect_kw('SELECT')
        distinct = False
        if self.accept_kw('DISTINCT'):
            distinct = True
        else:
            self.accept_kw('ALL')
        exprs = [self.named_expression(allow_star=True)]
        while self.accept_op(','):
            exprs.append(self.named_expression(allow_star=True))
        rel = from_plan
        if self.at_kw('FROM'):
            self.advance()
            rel = self.relations()
        if rel is None:
            rel = P.OneRowRelation()
        lateral = []
        while self.at_kw('LATERAL') and self.peek_kw(1, 'VIEW'):
            self.advance()
            self.advance()
            outer = bool(self.accept_kw('OUTER'))
            gen = self.primary()
            tbl = self.identifier(_RESERVED_ALIAS) if self.is_identifier(_RESERVED_ALIAS) else None
            cols = []
            if self.accept_kw('AS'):
                cols.append(self.identifier())
                while self.accept_op(','):
                    cols.append(self.identifier())
            lateral.append((gen, outer, tbl, cols))
        for gen, outer, tbl, cols in lateral:
            rel = P.Command('LateralView', generator=gen, outer=outer, table=tbl, columns=cols,
                            child=rel)
            rel.children = [rel.args['child']]
        if self.at_kw('WHERE'):
            self.advance()
            rel = P.Filter(self.boolean_expression(), rel)
            rel.origin = (sel.line, sel.pos)
        groupings = None
        grouping_sets = None
        if self.at_kw('GROUP') and self.peek_kw(1, 'BY'):
            self.advance()
            self.advance()
            if self.at_kw('ALL') and not self.peek_op('(', 1):
                self.advance()
                groupings = 'ALL'
            elif self.peek_op('(') and self.peek_op(')', 1):
                self.advance()
                self.advance()
                groupings = []
            elif self.at_kw('ROLLUP', 'CUBE') and self.peek_op('(', 1):
                kind = self.advance().text.upper()
                self.advance()
                groupings = [self.expression()]
                while self.accept_op(','):
                    groupings.append(self.expression())
                self.expect_op(')')
                grouping_sets = expand_grouping(kind, len(groupings))
            elif self.at_kw('GROUPING') and self.peek_kw(1, 'SETS'):
                self.advance()
                self.advance()
                groupings, grouping_sets = self.grouping_sets()
            else:
                groupings = [self.expression()]
                while self.accept_op(','):
                    groupings.append(self.expression())
                if self.at_kw('WITH') and self.peek_kw(1, 'ROLLUP', 'CUBE'):
                    self.advance()
                    grouping_sets = expand_grouping(self.advance().text.upper(), len(groupings))
        having = None
        if self.at_kw('HAVING'):
            self.advance()
            having = self.boolean_expression()
        if groupings is not None:
            plan = P.Aggregate([] if groupings == 'ALL' else groupings, exprs, rel)
            plan.group_by_all = groupings == 'ALL'
            plan.grouping_sets = grouping_sets
        else:
            plan = P.Project(exprs, rel)
        if having is not None:
            plan = P.Filter(having, plan)
            plan.is_having = True
        if distinct:
            plan = P.Distinct(plan)
        return plan

    def grouping_sets(self):
        self.expect_op('(')
        sets = []
        exprs = []
        keys = []
        while True:
            members = []
            if self.peek_op('('):
                self.advance()
                if not self.peek_op(')'):
                    members.append(self.expression())
                    while self.accept_op(','):
                        members.append(self.expression())
                self.expect_op(')')
            else:
                members.append(self.expression())
            idx = []
            for m in members:
                k = m.to_string()
                if k not in keys:
                    keys.append(k)
                    exprs.append(m)
                idx.append(keys.index(k))
            sets.append(idx)
            if not self.accept_op(','):
                break
        self.expect_op(')')
        return exprs, sets

    def named_expression(self, allow_star=False):
        start = self.tok
        e = self.expression()
        if self.accept_kw('AS'):
            if self.peek_op('('):
                self.advance()
                names = [self.identifier()]
                while self.accept_op(','):
                    names.append(self.identifier())
                self.expect_op(')')
                e = E.Alias(e, names[0])
                e.multi_names = names
                return e
            return E.Alias(e, self.identifier())
        if self.is_identifier(_RESERVED_ALIAS) and not (self.tok.kind == 'ident' and self.tok.text.upper() in _RESERVED_ALIAS):
            return E.Alias(e, self.identifier(_RESERVED_ALIAS))
        if isinstance(e, (E.UnresolvedAttribute, E.UnresolvedStar)):
            return e
        return E.UnresolvedAlias(e)

    # ------------------------------------------------------------------ relations

    def relations(self):
        rel = self.relation()
        while self.accept_op(','):
            right = self.relation()
            rel = P.Join(rel, right, 'Inner')
        return rel

    def relation(self):
        left = self.relation_primary()
        while True:
            jt = self.join_type()
            if jt is None:
                break
            natural, kind = jt
            right = self.relation_primary()
            if natural:
                left = P.Join(left, right, kind, natural=True)
                continue
            if self.accept_kw('ON'):
                cond = self.boolean_expression()
                left = P.Join(left, right, kind, cond)
            elif self.accept_kw('USING'):
                self.expect_op('(')
                cols = [self.identifier()]
                while self.accept_op(','):
                    cols.append(self.identifier())
                self.expect_op(')')
                left = P.Join(left, right, kind, using=cols)
            else:
                left = P.Join(left, right, kind)
        return left

    def join_type(self):
        save = self.i
        natural = bool(self.accept_kw('NATURAL'))
        kind = None
        if self.accept_kw('JOIN'):
            return natural, 'Inner'
        if self.accept_kw('INNER'):
            kind = 'Inner'
        elif self.accept_kw('CROSS'):
            kind = 'Cross'
        elif self.accept_kw('LEFT'):
            if self.accept_kw('SEMI'):
                kind = 'LeftSemi'
            elif self.accept_kw('ANTI'):
                kind = 'LeftAnti'
            else:
                self.accept_kw('OUTER')
                kind = 'LeftOuter'
        elif self.accept_kw('RIGHT'):
            self.accept_kw('OUTER')
            kind = 'RightOuter'
        elif self.accept_kw('FULL'):
            self.accept_kw('OUTER')
            kind = 'FullOuter'
        elif self.accept_kw('SEMI'):
            kind = 'LeftSemi'
        elif self.accept_kw('ANTI'):
            kind = 'LeftAnti'
        if kind is None:
            self.i = save
            return None
        self.expect_kw('JOIN')
        return natural, kind

    def table_alias(self, plan, allow_cols=True):
        if self.accept_kw('AS'):
            name = self.identifier()
        elif self.is_identifier(_RESERVED_ALIAS) and not (self.tok.kind == 'ident' and self.tok.text.upper() in _RESERVED_ALIAS):
            name = self.identifier(_RESERVED_ALIAS)
        else:
            return plan, None
        cols = None
        if allow_cols and self.peek_op('('):
            self.advance()
            cols = [self.identifier()]
            while self.accept_op(','):
                cols.append(self.identifier())
            self.expect_op(')')
        return plan, (name, cols)

    def relation_primary(self):
        t = self.tok
        if self.peek_op('('):
            # subquery or parenthesized relation
            save = self.i
            self.advance()
            if self.at_kw('SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE') or self.peek_op('('):
                try_save = self.i
                q = self.query()
                self.expect_op(')')
                plan, alias = self.table_alias(None)
                if alias is None:
                    return P.SubqueryAlias('__auto_generated_subquery_name', q)
                name, cols = alias
                if cols:
                    q = P.UnresolvedSubqueryColumnAliases(cols, q)
                return P.SubqueryAlias(name, q)
            rel = self.relation()
            self.expect_op(')')
            return rel
        if self.at_kw('VALUES'):
            return self.inline_table(alias_allowed=True)
        if self.tok.kind in ('ident', 'qident'):
            if self.peek_op('(', 1) and self.tok.kind == 'ident':
                # table-valued function
                name = self.advance().text
                self.advance()
                args = []
                if not self.peek_op(')'):
                    args.append(self.expression())
                    while self.accept_op(','):
                        args.append(self.expression())
                self.expect_op(')')
                plan = P.UnresolvedTableValuedFunction(name.lower(), args, self.origin(t))
                _, alias = self.table_alias(None)
                if alias:
                    name2, cols = alias
                    if cols:
                        plan = P.UnresolvedSubqueryColumnAliases(cols, plan)
                    plan = P.SubqueryAlias(name2, plan)
                return plan
            parts = self.multipart_identifier()
            plan = P.UnresolvedRelation(parts, self.origin(t))
            if self.at_kw('TABLESAMPLE'):
                plan = self.tablesample(plan)
            _, alias = self.table_alias(None)
            if alias:
                name, cols = alias
                if cols:
                    plan = P.UnresolvedSubqueryColumnAliases(cols, plan)
                plan = P.SubqueryAlias(name, plan)
            return plan
        raise self.error()

    def tablesample(self, plan):
        self.advance()
        self.expect_op('(')
        v = self.expression()
        if self.accept_kw('PERCENT'):
            frac = float(v.value) / 100.0
            self.expect_op(')')
            return P.Sample(0.0, frac, False, 0, plan)
        if self.accept_kw('ROWS'):
            self.expect_op(')')
            return P.GlobalLimit(v, P.LocalLimit(v, plan))
        raise self.error()

    def inline_table(self, alias_allowed):
        t = self.expect_kw('VALUES')
        rows = []
        while True:
            if self.peek_op('('):
                self.advance()
                row = [self.expression()]
                while self.accept_op(','):
                    row.append(self.expression())
                self.expect_op(')')
                # Spark: a parenthesized single row that is a struct-like tuple
            else:
                row = [self.expression()]
            rows.append(row)
            if not self.accept_op(','):
                break
        n = len(rows[0])
        names = ['col%d' % (i + 1) for i in range(n)]
        plan = P.UnresolvedInlineTable(names, rows, self.origin(t))
        if alias_allowed:
            _, alias = self.table_alias(None)
            if alias:
                name, cols = alias
                if cols:
                    plan.names = cols
                    plan.aliased_names = True
                plan = P.SubqueryAlias(name, plan)
        return plan

    # ------------------------------------------------------------------ expressions


def expand_grouping(kind, n):
    """ROLLUP(a, b) -> [[0, 1], [0], []]; CUBE(a, b) -> every subset, Spark's order."""
    if kind == 'ROLLUP':
        return [list(range(i)) for i in range(n, -1, -1)]
    out = []
    for mask in range(2 ** n):
        out.append([i for i in range(n) if not (mask >> (n - 1 - i)) & 1])
    return out
