// The charts' own words in Chinese: buttons, tooltips, axis words, legends and the names screen
// readers hear. The words about the data come from the views as props (here in Chinese too), so
// no English sentence is left in any chart; in English the same charts say what they always have.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { formatPercent } from '../../src/content/format';
import { AttentionLines } from '../../src/viz/AttentionLines';
import { AttentionMatrix } from '../../src/viz/AttentionMatrix';
import { CellBelt } from '../../src/viz/CellBelt';
import { ChartFrame } from '../../src/viz/ChartFrame';
import { ClipScatter } from '../../src/viz/ClipScatter';
import { EigenPlot } from '../../src/viz/EigenPlot';
import { GradientFlowStrip } from '../../src/viz/GradientFlowStrip';
import { GradientNormChart } from '../../src/viz/GradientNormChart';
import { ColorLegend, HeatStrips, type HeatRow } from '../../src/viz/HeatStrip';
import { JacobianHeatmap } from '../../src/viz/JacobianHeatmap';
import { LineChart } from '../../src/viz/LineChart';
import { SampleTimeline } from '../../src/viz/SampleTimeline';
import { TopGuesses } from '../../src/viz/TopGuesses';
import { UnrolledDiagram, type DiagramColumn } from '../../src/viz/UnrolledDiagram';
import { WeightsHeatmap } from '../../src/viz/WeightsHeatmap';
import { scaleOf } from '../../src/viz/valueScale';
import { valueTip } from '../../src/viz/valueTip';
import { englishLeft } from '../ui/englishLeft';

const rows: HeatRow[] = [
  {
    key: 'f',
    symbol: 'f_t',
    label: '遗忘门',
    values: Float64Array.of(0.1, 0.25, 0.9, 0.5),
    scale: scaleOf('gate'),
  },
  {
    key: 'c',
    symbol: 'c_t',
    label: '细胞状态',
    values: Float64Array.of(0.5, 5.25, -1, -4),
    scale: scaleOf('cell'),
  },
];

function giveWidth(element: Element, width = 400, height = 24): void {
  element.getBoundingClientRect = () =>
    ({ left: 100, top: 0, width, height, right: 100 + width, bottom: height }) as DOMRect;
}

const column = (t: number): DiagramColumn => ({
  t,
  char: 'a',
  unknown: t === 1,
  cells: [0, 1, 2, 3].map(() => ({
    h: Float64Array.of(0.1, -0.2, 0.3, 0.4),
    c: Float64Array.of(0.5, 3.5, -1, -8),
  })),
  top: { kind: 'guesses', guesses: [{ char: 'b', p: 0.5 }] },
});

describe('the charts in Chinese', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('a chart frame: its export buttons and its Show data table', () => {
    const { container } = render(
      <ChartFrame
        title="损失"
        name="loss"
        data={{
          caption: '每一步的损失',
          columns: ['步', '损失'],
          rows: Array.from({ length: 300 }, (_, k) => [k + 1, 1 / (k + 1)]),
        }}
      >
        <LineChart
          series={[{ label: '训练集', xs: [1, 2, 3], ys: [3, 2, 1], color: 'red' }]}
          xLabel="步"
          yLabel="损失"
          label="损失曲线"
        />
      </ChartFrame>,
    );
    expect(screen.getByRole('button', { name: 'PNG：损失' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'SVG：损失' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '显示数据：每一步的损失' }));
    expect(screen.getByRole('button', { name: '隐藏数据：每一步的损失' }).textContent).toBe(
      '隐藏数据',
    );
    expect(container.querySelector('caption')!.textContent).toBe(
      '每一步的损失（只列出前后各 100 行，共 300 行）',
    );
    expect(englishLeft(container)).toEqual([]);
  });

  it('heat strips, their tooltips and the colour legend', () => {
    const { container } = render(
      <>
        <HeatStrips rows={rows} unit={0} onSelectUnit={() => {}} />
        <HeatStrips rows={rows} unit={1} />
        <ColorLegend scale={scaleOf('cell')} label="细胞状态的值" />
      </>,
    );
    const strip = screen.getByRole('slider', { name: '每个隐藏单元的细胞状态 c_t' });
    giveWidth(strip);
    fireEvent.mouseMove(strip, { clientX: 100 + 150 });
    expect(screen.getByRole('tooltip').textContent).toBe(
      '单元 1，细胞状态 c_t：5.250（超出色标范围，按 3.000 着色）',
    );
    expect(screen.getAllByText('单元 0 … 3')).toHaveLength(2);
    expect(container.querySelector('.color-legend__clip')!.textContent).toBe(' 超出 ±3 即截断');
    expect(englishLeft(container)).toEqual([]);
  });

  it('the cell-state belt', () => {
    const v = Float64Array.of(0.5, -4, 1, 2);
    const { container } = render(
      <>
        <CellBelt
          cPrev={v}
          f={v}
          kept={v}
          written={v}
          c={v}
          cellScale={scaleOf('cell')}
          gateScale={scaleOf('gate')}
          unit={1}
          onSelectUnit={() => {}}
        />
        <CellBelt
          cPrev={v}
          f={v}
          kept={v}
          written={v}
          c={v}
          cellScale={scaleOf('cell')}
          gateScale={scaleOf('gate')}
          unit={1}
        />
      </>,
    );
    const belt = screen.getByRole('slider', { name: '细胞状态传送带，每个隐藏单元一条通道' });
    fireEvent.focus(belt);
    expect(screen.getByRole('tooltip').textContent).toMatch(/^单元 1：细胞状态 c\(t−1\)：/);
    expect(screen.getByRole('tooltip').textContent).toMatch(/；保留的 f⊙c\(t−1\)：/);
    expect(container.textContent).toContain('保留');
    expect(englishLeft(container)).toEqual([]);
  });

  it('the unrolled diagram: two layers, both ways', () => {
    const { container } = render(
      <UnrolledDiagram
        columns={[column(0), column(1), column(2)]}
        rows={[
          { layer: 0, direction: 0 },
          { layer: 0, direction: 1 },
          { layer: 1, direction: 0 },
          { layer: 1, direction: 1 },
        ]}
        current={1}
        row={0}
        unit={0}
        hScale={scaleOf('tanh')}
        cScale={scaleOf('cell')}
        onSelectStep={() => {}}
        onSelectCell={() => {}}
        onMoveRow={() => {}}
        reducedMotion
        label="展开的网络"
      />,
    );
    expect(screen.getByRole('group', { name: '第 2 步：读入 “a”（不在词表中）' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: '第 2 层，反向，第 3 步：h[0] = 0.100' }),
    ).toBeTruthy();
    expect(container.textContent).toContain('第 2 层');
    expect(container.textContent).toContain('猜测');
    expect(englishLeft(container)).toEqual([]);
  });

  it('the unrolled diagram: a step not reached yet', () => {
    const { container } = render(
      <UnrolledDiagram
        columns={[column(0), column(1)]}
        rows={[{ layer: 0, direction: 0 }]}
        current={0}
        row={0}
        unit={0}
        hScale={scaleOf('tanh')}
        cScale={null}
        onSelectStep={() => {}}
        onSelectCell={() => {}}
        onMoveRow={() => {}}
        reducedMotion
        label="展开的网络"
      />,
    );
    expect(screen.getByRole('button', { name: '第 1 层，第 2 步：尚未计算' })).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);
  });

  it('the top guesses, with the next character below them, and the tags', () => {
    const { container } = render(
      <>
        <TopGuesses
          guesses={[
            { char: 'e', p: 0.5 },
            { char: 'a', p: 0.25 },
          ]}
          target={{ char: 'z', p: 0.01, rank: 9 }}
        />
        <TopGuesses
          kind="tag"
          guesses={[
            { char: 'NOUN', p: 0.7 },
            { char: 'VERB', p: 0.3 },
          ]}
          target={{ char: 'VERB', p: 0.3, rank: 2 }}
        />
        <TopGuesses guesses={[{ char: 'e', p: 1 }]} target={{ char: '£', p: null, rank: null }} />
      </>,
    );
    const [next, tags, unknown] = screen.getAllByRole('img');
    expect(next!.getAttribute('aria-label')).toMatch(/^对下一个字符的前 2 个猜测：.*50\.0%/);
    expect(next!.textContent).toContain('下一个 · 第 9');
    expect(tags!.getAttribute('aria-label')).toMatch(/^各个标签：.*（排第 2）。$/);
    expect(tags!.textContent).toContain('◀ 真实');
    expect(unknown!.getAttribute('aria-label')).toMatch(/不在词表中。$/);
    expect(englishLeft(container)).toEqual([]);
  });

  it('a weight matrix, its readout and legend', () => {
    const { container } = render(
      <WeightsHeatmap
        data={Float64Array.from({ length: 8 }, (_, k) => k - 4)}
        rows={4}
        cols={2}
        blocks={['i', 'f']}
        label="W_ih 的热图"
        rowLabel="行"
        colLabel="列"
      />,
    );
    expect(screen.getByTestId('heatmap-readout').textContent).toBe(
      '把指针移到格子上，读出它的权重。',
    );
    const canvas = screen.getByRole('img', { name: 'W_ih 的热图' });
    giveWidth(canvas, 8, 20);
    fireEvent.mouseMove(canvas, { clientX: 100 + 6, clientY: 1 });
    expect(screen.getByTestId('heatmap-readout').textContent).toBe('门 i，单元 0，第 1 列：-3.000');
    expect(screen.getByRole('img', { name: /^色标：蓝 / })).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);
  });

  it('the attention matrix and one decoder step', () => {
    const alpha = Float64Array.of(0.1, 0.9, 0.6, 0.4);
    const { container } = render(
      <>
        <AttentionMatrix
          input={['a', ' ']}
          output={['b', 'c']}
          alpha={alpha}
          selected={null}
          label="每个输出字符对输入的注意力"
        />
        <AttentionLines
          input={['a', ' ']}
          alpha={alpha.subarray(0, 2)}
          scores={Float64Array.of(-1, 1)}
          written="b"
          read="⟨start⟩"
          hovered={null}
          label="解码器的一步"
        />
      </>,
    );
    const slider = screen.getByRole('slider', {
      name: '每个输出字符对输入的注意力（↑ ↓ 选择输出步）',
    });
    expect(slider.getAttribute('aria-valuetext')).toBe('尚未选择输出步');
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(
      within(container).getByRole('listitem', {
        name: '输入“空格”（第 2 个位置）：α = 0.90，得分 e = 1.00',
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^显示数据：/ }));
    expect(screen.getByRole('columnheader', { name: '输出' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'b（第 1 步）' })).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);
  });

  it('the gradient charts: the flow strip, the norms, the Jacobian, clipping and eigenvalues', () => {
    const fall = Float64Array.from({ length: 41 }, (_, k) => (k < 20 ? 1e-8 : 1));
    const { container } = render(
      <>
        <GradientFlowStrip
          labels={['a', 'b', 'c', 'd']}
          dh={Float64Array.of(1, 2, 3, 4)}
          dc={Float64Array.of(1, 2, 3, 4)}
          current={2}
          selected={2}
          reverse={false}
          trunc={2}
          reducedMotion
          onSelectStep={() => {}}
          label="反向传播的每一步"
          words={{ hidden: '隐藏状态', belt: '细胞状态', done: '已完成', toDo: '待计算' }}
        />
        <GradientNormChart
          T={40}
          series={[{ id: 'h', label: '‖∂h_T/∂h_k‖', values: fall, style: 'main' }]}
          title="梯度的范数"
          description="随 k 变化"
          reducedMotion
          flowKey="a"
        />
        <JacobianHeatmap
          rows={Int32Array.of(1, 2)}
          values={Float64Array.of(1, NaN, NaN, 0.5, 0, NaN)}
          T={2}
          label="雅可比矩阵的范数"
        />
        <ClipScatter
          before={Float64Array.of(1, -2)}
          after={Float64Array.of(0.5, -1)}
          title="裁剪"
          description="裁剪前后"
        />
        <EigenPlot
          re={Float64Array.of(0.5, 1.5)}
          im={Float64Array.of(0, 0)}
          title="特征值"
          description="复平面"
        />
      </>,
    );
    const strip = screen.getByRole('slider', { name: '反向传播的每一步' });
    expect(strip.getAttribute('aria-valuetext')).toBe('第 3 步，共 4 步，读入 c');
    expect(container.querySelector('.gf-crossing text')!.textContent).toBe(
      '‖∂h_T/∂h_k‖ 在 k = 19 处低于 1e-6',
    );
    expect(container.textContent).toContain('恰为 0');
    expect(container.textContent).toContain('裁剪前（±2）');
    expect(screen.getByText(/^单位圆内的特征值/)).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);
  });

  it('samples: a note before the first, then each at its step in the corpus’s language', () => {
    const { container, rerender } = render(<SampleTimeline samples={[]} />);
    expect(container.textContent).toBe('第 1 步时生成第一段采样文本。');
    rerender(<SampleTimeline samples={[{ step: 1000, text: 'To be or not to be' }]} />);
    expect(screen.getByText('第 1,000 步')).toBeTruthy();
    expect(screen.getByText('To be or not to be').getAttribute('lang')).toBe('en');
    expect(englishLeft(container)).toEqual([]);
  });

  it('a tooltip written outside a component follows the language, or names one', () => {
    expect(valueTip('遗忘门', 'f_t', 3, 0.5, scaleOf('gate'))).toBe('单元 3，遗忘门 f_t：0.500');
    expect(valueTip('forget gate', 'f_t', 3, 0.5, scaleOf('gate'), 'en')).toBe(
      'unit 3, forget gate f_t: 0.500',
    );
  });
});

describe('the charts in English', () => {
  it('say what they always have', () => {
    render(
      <>
        <SampleTimeline samples={[]} />
        <WeightsHeatmap
          data={new Float64Array(4)}
          rows={2}
          cols={2}
          blocks={['i']}
          label="W"
          rowLabel="rows"
          colLabel="cols"
        />
      </>,
    );
    expect(screen.getByText('The first sample is taken at step 1.')).toBeTruthy();
    expect(screen.getByText('Point at a cell to read its weight.')).toBeTruthy();
    expect(formatPercent(0.4137)).toBe('41.4 %');
    expect(formatPercent(0.4137, 'zh-CN')).toBe('41.4%');
  });
});
