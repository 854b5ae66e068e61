"""Charts of claimed figures over time, as inline SVG text for the report.

One chart per metric, one panel per unit (persons and roubles never share an axis). Points are
figures, vertical bars are ranges, triangles are open-ended figures (`at least` up, `at most`
down), thin horizontal lines are the periods figures cover. Matplotlib's object API on the SVG
canvas, no pyplot state; a fixed hash salt and no date in the metadata make the bytes repeatable.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from datetime import date

import matplotlib
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from transforms.ledger.ledger import number_text, unit_text

matplotlib.use("Agg")  # never a window, whatever the environment asks for

TOP_CLAIMANTS = 8
MAX_PANELS = 4
OTHERS = "others"
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")
OTHERS_COLOUR = "#9a9a9a"
STYLE = {"svg.hashsalt": "muster", "svg.fonttype": "none", "font.size": 9,
         "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False}
MARKERS = {"at_least": "^", "at_most": "v", "approx": "o", "exact": "o"}


@dataclass(frozen=True)
class Chart:
    metric: str
    svg: str  # "" when no figure of the metric has a date
    charted: int  # figures drawn
    undated: int  # figures left out for want of a date
    other_units: tuple[str, ...]  # units left out beyond MAX_PANELS


def claimant_colours(figures: pd.DataFrame) -> dict[str, str]:
    """The most frequent claimants get a colour each (ties by name); everyone else is grey."""
    counts = figures.groupby("claimant")["n_claims"].sum().reset_index()
    top = counts.sort_values(["n_claims", "claimant"], ascending=[False, True])["claimant"]
    return dict(zip(top[:TOP_CLAIMANTS], PALETTE, strict=False))


def _unit_label(unit: str, per) -> str:
    return unit_text(unit, per) or "people"


def _panels(dated: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """One panel per unit (and rate), the unit with most figures first."""
    labels = [_unit_label(u, p) for u, p in zip(dated["unit"], dated["per"], strict=True)]
    groups = dated.assign(_label=labels).groupby("_label", sort=True)
    panels = [(label, group.drop(columns="_label")) for label, group in groups]
    return sorted(panels, key=lambda item: (-item[1]["n_claims"].sum(), item[0]))


def _as_datetime(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.map(lambda d: d if isinstance(d, date) else None))


def _draw(ax, figures: pd.DataFrame, colours: dict[str, str]) -> None:
    x = _as_datetime(figures["date"])
    colour = figures["claimant"].map(lambda c: colours.get(c, OTHERS_COLOUR))
    has_period = figures["period_start"].notna() & figures["period_end"].notna()
    level = figures["value"].fillna((figures["value_low"] + figures["value_high"]) / 2) \
        .fillna(figures["value_low"]).fillna(figures["value_high"])
    spans = has_period & level.notna()
    if spans.any():
        ax.hlines(level[spans], _as_datetime(figures["period_start"])[spans],
                  _as_datetime(figures["period_end"])[spans], colors=colour[spans].tolist(),
                  linewidth=1, alpha=0.35, zorder=1)
    ranged = figures["value"].isna() & figures["value_low"].notna() & figures["value_high"].notna()
    if ranged.any():
        ax.vlines(x[ranged], figures["value_low"][ranged], figures["value_high"][ranged],
                  colors=colour[ranged].tolist(), linewidth=3, alpha=0.8, zorder=2)
    point = figures["value"].notna()
    half_open = figures["value"].isna() & (figures["value_low"].isna() ^ figures["value_high"].isna())
    shapes = figures["qualifier"].map(lambda q: MARKERS.get(q, "o")).where(
        ~half_open, figures["value_low"].notna().map({True: "^", False: "v"}))
    shown = point | half_open
    values = figures["value"].fillna(figures["value_low"]).fillna(figures["value_high"])
    for shape in sorted(set(shapes[shown])):
        chosen = shown & (shapes == shape)
        hollow = chosen & (figures["qualifier"] == "approx")
        for subset, face in ((chosen & ~hollow, None), (hollow, "white")):
            if subset.any():
                ax.scatter(x[subset], values[subset], c=None if face else colour[subset].tolist(),
                           facecolors=face, edgecolors=colour[subset].tolist(), marker=shape,
                           s=36, linewidths=1.2, zorder=3)


def _key() -> list[Line2D]:
    """What the shapes mean, in neutral ink."""
    ink = "#444444"
    return [Line2D([], [], color=ink, marker="o", linestyle="", label="figure"),
            Line2D([], [], color=ink, marker="o", markerfacecolor="white", linestyle="", label="about"),
            Line2D([], [], color=ink, marker="^", linestyle="", label="at least"),
            Line2D([], [], color=ink, marker="v", linestyle="", label="at most"),
            Line2D([], [], color=ink, linewidth=3, label="range (low to high)"),
            Line2D([], [], color=ink, linewidth=1, alpha=0.35, label="period covered")]


LEGEND_WIDTH = 26  # characters on one line of a legend entry; longer names wrap, never cut
FIGURE_WIDTH = 11.0  # inches: the page's width at 100 dpi (the report's body is 72rem)
MIN_DAYS = 30  # a date axis spans at least this many days, so that its ticks are days or months


def _short(name: str, width: int = LEGEND_WIDTH) -> str:
    """A legend label: the whole name, wrapped at word boundaries onto lines of `width`."""
    return "\n".join(textwrap.wrap(name, width, break_long_words=False)) or name


def _legends(figure: Figure, colours: dict[str, str], any_others: bool) -> None:
    """Who is who, and what the shapes mean, beside the panels."""
    handles = [Line2D([], [], color=c, marker="o", linestyle="", label=_short(name))
               for name, c in colours.items()]
    if any_others:
        handles.append(Line2D([], [], color=OTHERS_COLOUR, marker="o", linestyle="", label=OTHERS))
    figure.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=8,
                  title="claimant", title_fontsize=8, alignment="left")
    figure.legend(handles=_key(), loc="outside right lower", frameon=False, fontsize=8,
                  title="shape", title_fontsize=8, alignment="left")


def _date_span(ax, figures: pd.DataFrame) -> None:
    """At least MIN_DAYS on the date axis, centred on the figures, so ticks never fall on hours."""
    days = pd.concat([_as_datetime(figures[c]) for c in ("date", "period_start", "period_end")]).dropna()
    if days.empty:
        return
    low, high = days.min(), days.max()
    if (high - low).days < MIN_DAYS:
        middle = low + (high - low) / 2
        half = pd.Timedelta(days=MIN_DAYS / 2)
        ax.set_xlim(mdates.date2num(middle - half), mdates.date2num(middle + half))


def _value_span(ax, figures: pd.DataFrame) -> None:
    """A value axis from zero for figures that are not negative, with room above the highest:
    a panel of one value reads as that value, not as a 0.94-1.06 axis around it."""
    values = pd.concat([figures[c] for c in ("value", "value_low", "value_high")]).dropna()
    if values.empty or values.min() < 0:
        return
    top = float(values.max())
    ax.set_ylim(0, top * 1.15 if top > 0 else 1)


def _axis(ax, label: str) -> None:
    """Date ticks of days at the finest (`_date_span` gives the axis a month), values with commas."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8, interval_multiples=True)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number_text(v)))
    ax.set_ylabel(label)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.margins(x=0.08, y=0.12)
    ax.tick_params(axis="x", labelsize=8)


def svg_text(figure: Figure) -> str:
    """The figure as an `<svg>` element (no XML prolog), the same bytes for the same figure."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def metric_chart(figures: pd.DataFrame, metric: str) -> Chart:
    """The chart of one metric's figures (rows of `transforms.ledger.ledger.figures_over_time`)."""
    rows = figures[figures["metric"] == metric]
    dated = rows[rows["date"].notna()]
    undated = int(rows.loc[rows["date"].isna(), "n_claims"].sum())
    if dated.empty:
        return Chart(metric, "", 0, undated, ())
    panels = _panels(dated)
    shown, rest = panels[:MAX_PANELS], tuple(label for label, _ in panels[MAX_PANELS:])
    drawn = pd.concat([group for _, group in shown])
    colours = claimant_colours(drawn)
    with matplotlib.rc_context(STYLE):
        height = max(3.4, 2.6 * len(shown) + 0.4)
        figure = Figure(figsize=(FIGURE_WIDTH, height), layout="constrained")
        axes = figure.subplots(len(shown), 1, squeeze=False, sharex=True)[:, 0]
        for ax, (label, group) in zip(axes, shown, strict=True):
            _draw(ax, group.reset_index(drop=True), colours)
            _axis(ax, label)
            _value_span(ax, group)
        _date_span(axes[-1], drawn)  # the axes share their dates
        _legends(figure, colours, bool(set(drawn["claimant"]) - set(colours)))
        figure.suptitle(metric, x=0.01, ha="left", fontsize=11, fontweight="bold")
        svg = svg_text(figure)
    return Chart(metric, svg, int(drawn["n_claims"].sum()), undated, rest)


def metric_charts(figures: pd.DataFrame) -> list[Chart]:
    """One chart per metric that has figures, in the metrics' alphabetical order."""
    return [metric_chart(figures, metric) for metric in sorted(figures["metric"].unique())]
